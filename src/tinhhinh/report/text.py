"""Words of the report in Vietnamese (default) and English, and number/date formatting per language."""

from __future__ import annotations

import datetime as dt

T: dict[str, tuple[str, str]] = {
    "doc_type": ("BÁO CÁO", "REPORT"),
    "subject": (
        "Tổng kết công tác theo dõi thông tin, tiếp nhận và xử lý vụ việc, đơn thư {period}",
        "Review of information monitoring and of case and petition handling, {period}",
    ),
    "period_month": ("tháng {m:02d}/{y}", "{month_name} {y}"),
    "period_year": ("năm {y}", "year {y}"),
    "period_range": ("từ ngày {a} đến ngày {b}", "from {a} to {b}"),
    "number_line": ("Số:       /{symbol}", "No.:       /{symbol}"),
    "place_date": ("{place}, ngày {d:02d} tháng {m:02d} năm {y}", "{place}, {month_name} {d}, {y}"),
    "recipients": ("Nơi nhận:", "Distribution:"),
    "recipients_default": (
        "- Lãnh đạo cơ quan;|- Các cơ quan, đơn vị liên quan;|- Lưu: VT.",
        "- Office leadership;|- Agencies concerned;|- File.",
    ),
    "signer": ("THỦ TRƯỞNG CƠ QUAN", "HEAD OF OFFICE"),
    "signer_note": ("(Ký, ghi rõ họ tên)", "(Signature, full name)"),
    "intro": (
        "Báo cáo tổng hợp kết quả theo dõi thông tin công khai, các vấn đề nổi bật, thông tin có dấu hiệu "
        "gây hại và kết quả tiếp nhận, xử lý vụ việc, đơn thư {period} ({a} – {b}); so sánh với {compare}. "
        "Số liệu được tổng hợp tự động từ cơ sở dữ liệu của hệ thống; báo cáo chỉ "
        "chứa số liệu tổng hợp, không chứa thông tin cá nhân của người gửi đơn.",
        "This report sums up the monitoring of public information, hot issues, potentially harmful "
        "information and the handling of cases and petitions {period} ({a} – {b}), compared with {compare}. "
        "Figures are computed from the system's database; the report "
        "holds aggregates only and no personal data of petitioners.",
    ),
    "partial": (
        "Kỳ báo cáo chưa kết thúc: số liệu tính đến hết ngày {through} (kỳ báo cáo đến ngày {last}); kỳ trước "
        "được lấy tương ứng ({pa} – {pb}).",
        "The period has not ended: figures run to the end of {through} (the period ends on {last}); the "
        "previous period is cut to match ({pa} – {pb}).",
    ),
    # what the previous period is (the intro names it)
    "cmp_named": ("{prev} ({pa} – {pb})", "{prev} ({pa} – {pb})"),
    "cmp_named_part": (
        "các ngày tương ứng của {prev} ({pa} – {pb})",
        "the matching days of {prev} ({pa} – {pb})",
    ),
    "cmp_months": ("{n} tháng liền trước ({pa} – {pb})", "the {n} months just before ({pa} – {pb})"),
    "cmp_months_part": (
        "các ngày tương ứng của {n} tháng liền trước ({pa} – {pb})",
        "the matching days of the {n} months just before ({pa} – {pb})",
    ),
    "cmp_days": (
        "{n} ngày liền trước, cùng số ngày với kỳ này ({pa} – {pb})",
        "the {n} days just before, as many as this period ({pa} – {pb})",
    ),
    # parts
    "p_overview": ("TÌNH HÌNH THÔNG TIN ĐƯỢC THEO DÕI", "INFORMATION MONITORED"),
    "p_hot": ("CÁC VẤN ĐỀ NỔI BẬT", "HOT ISSUES"),
    "p_harm": ("THÔNG TIN CÓ DẤU HIỆU GÂY HẠI", "POTENTIALLY HARMFUL INFORMATION"),
    "p_desk": ("TIẾP NHẬN, XỬ LÝ VỤ VIỆC VÀ ĐƠN THƯ", "CASES AND PETITIONS"),
    "p_open": ("NHỮNG VIỆC CÒN TỒN ĐỌNG", "WHAT IS STILL OPEN"),
    "p_methods": ("PHỤ LỤC: PHƯƠNG PHÁP VÀ NGUỒN SỐ LIỆU", "APPENDIX: METHODS AND SOURCES"),
    # items
    "s_summary": (
        "Số liệu tổng hợp và so sánh với kỳ trước",
        "Summary figures and change from the previous period",
    ),
    "s_daily": ("Diễn biến theo thời gian", "Volume over time"),
    "s_area": ("Theo lĩnh vực", "By area"),
    "s_place": ("Theo địa bàn", "By place"),
    "s_source": ("Theo nguồn tin", "By source"),
    "s_month": ("Tháng {m:02d}/{y}", "{month_name} {y}"),
    "s_flags": ("Các cảnh báo theo loại và trạng thái xác minh", "Flags by type and review status"),
    "s_tox_area": ("Tỷ lệ ngôn từ độc hại theo lĩnh vực", "Toxic language rate by area"),
    "s_tox_source": ("Tỷ lệ ngôn từ độc hại theo nguồn tin", "Toxic language rate by source"),
    "s_cases": ("Vụ việc theo cơ quan xử lý", "Cases by agency"),
    "s_petitions": ("Đơn thư theo cơ quan xử lý", "Petitions by agency"),
    "s_petition_kinds": ("Đơn thư theo loại", "Petitions by kind"),
    "s_open_cases": ("Vụ việc chưa giải quyết xong", "Cases not yet resolved"),
    "s_open_petitions": ("Đơn thư chưa giải quyết xong", "Petitions not yet resolved"),
    "s_sources": ("Nguồn tin được theo dõi", "Sources monitored"),
    "s_models": ("Mô hình phân tích và chất lượng đo được", "Analysis models and their measured quality"),
    "s_definitions": ("Cách tính các chỉ số", "How the figures are computed"),
    # columns and labels
    "indicator": ("Chỉ tiêu", "Indicator"),
    "this_period": ("Kỳ này", "This period"),
    "prev_period": ("Kỳ trước", "Previous period"),
    "change": ("Tăng/giảm", "Change"),
    "no": ("TT", "No."),
    "items": ("Số tin, bài", "Items"),
    "share": ("Tỷ lệ", "Share"),
    "area": ("Lĩnh vực", "Area"),
    "place": ("Địa bàn", "Place"),
    "source": ("Nguồn", "Source"),
    "story": ("Vấn đề", "Story"),
    "n_sources": ("Số nguồn", "Sources"),
    "first_seen": ("Xuất hiện", "First seen"),
    "day": ("Ngày", "Day"),
    "month": ("Tháng", "Month"),
    "flag_type": ("Loại cảnh báo", "Flag type"),
    "unconfirmed": ("Chờ xem xét", "Awaiting review"),  # as the web names it
    "confirmed": ("Đã xác nhận", "Confirmed"),
    "dismissed": ("Đã bác bỏ", "Dismissed"),
    "total": ("Tổng", "Total"),
    "read": ("Số tin được đánh giá", "Items assessed"),
    "toxic": ("Có ngôn từ độc hại", "Toxic"),
    "rate": ("Tỷ lệ", "Rate"),
    "agency": ("Cơ quan", "Agency"),
    "received": ("Tiếp nhận", "Received"),
    "resolved": ("Đã giải quyết", "Resolved"),
    "on_time": ("Đúng hạn", "On time"),
    "median_days": ("Số ngày (trung vị)", "Median days"),
    "open_end": ("Còn tồn", "Open at end"),
    "overdue": ("Quá hạn", "Overdue"),
    "kind": ("Loại đơn", "Kind"),
    "n_cases": ("Số vụ việc", "Cases"),
    "accepted": ("Thụ lý", "Accepted"),
    "handled_other": ("Không thụ lý/chuyển/hướng dẫn", "Not accepted/forwarded/guided"),
    "unassigned": ("(chưa giao cơ quan)", "(no agency yet)"),
    "unknown": ("(chưa xác định)", "(unknown)"),
    "stage": ("Bước phân tích", "Stage"),
    "version": ("Phiên bản", "Version"),
    "quality": ("Chất lượng đo được", "Measured quality"),
    "no_card": ("chưa có thẻ mô hình", "no model card"),
    "quality_on": ("{scores} trên {on} (theo {card})", "{scores} on {on} (from {card})"),
    "quality_tox_on": (
        "{n} bình luận ViHSD dùng để kiểm tra (dev)",
        "{n} ViHSD dev comments",
    ),
    "none": ("Không có.", "None."),
    "name": ("Tên", "Name"),
    "kind_col": ("Loại", "Kind"),
    "status": ("Trạng thái", "Status"),
    "active": ("đang theo dõi", "active"),
    "inactive": ("tạm dừng", "paused"),
    "sector": ("Lĩnh vực", "Sector"),
    # summary indicators
    "f_items": ("Tin, bài thu thập", "Items collected"),
    "f_originals": ("Tin, bài gốc (không kể bản sao)", "Original items (copies excluded)"),
    "f_sources": ("Nguồn tin có tin, bài", "Sources with items"),
    "f_stories": ("Vấn đề (từ 2 tin, bài cùng sự kiện)", "Stories (2 or more items about one event)"),
    "f_flags": ("Cảnh báo thông tin có dấu hiệu gây hại", "Harm flags raised"),
    "f_confirmed": ("Cảnh báo đã được xác nhận", "Harm flags confirmed"),
    "f_cases_in": ("Vụ việc tiếp nhận", "Cases opened"),
    "f_cases_done": ("Vụ việc đã giải quyết", "Cases resolved"),
    "f_pet_in": ("Đơn thư tiếp nhận", "Petitions received"),
    "f_pet_done": ("Đơn thư đã giải quyết", "Petitions resolved"),
    "f_overdue": ("Vụ việc, đơn thư quá hạn cuối kỳ", "Cases and petitions overdue at period end"),
    # petition kinds and harm types
    "kien_nghi_phan_anh": ("Kiến nghị, phản ánh", "Recommendation/feedback"),
    "khieu_nai": ("Khiếu nại", "Complaint"),
    "to_cao": ("Tố cáo", "Denunciation"),
    "harm_scam": ("Lừa đảo", "Scam"),
    "harm_toxic": ("Ngôn từ độc hại", "Toxic language"),
    "harm_factcheck": ("Trùng nội dung đã được kiểm chứng là sai", "Matches a published fact-check"),
    # sentences
    "overview_text": (
        "Trong kỳ, hệ thống thu thập {items} tin, bài từ {sources} nguồn, trong đó {originals} tin, bài gốc và "
        "{copies} bản sao, đăng lại; {stories} vấn đề được theo dõi. So với kỳ trước, số tin, bài {change}.",
        "In the period the system collected {items} items from {sources} sources: {originals} originals and "
        "{copies} copies or reposts; {stories} stories were followed. Items against the previous period: {change}.",
    ),
    "hot_intro": (
        "Các vấn đề được nhiều nguồn đưa tin nhất trong từng tháng (xếp theo số tin, bài trong tháng; tóm tắt "
        "trích từ chính các tin, bài).",
        "The stories most reported in each month (ranked by items in that month; summaries are sentences taken "
        "from the items themselves).",
    ),
    "harm_intro": (
        "Cảnh báo chỉ dành cho thông tin kiểm chứng được một cách khách quan (lừa đảo; trùng nội dung đã được "
        "cơ quan có thẩm quyền kiểm chứng là sai; ngôn từ độc hại). Mỗi cảnh báo do cán bộ xác nhận hoặc bác "
        "bỏ. Ngôn từ độc hại chỉ được báo cáo dưới dạng tỷ lệ theo lĩnh vực và nguồn tin, không theo tác giả.",
        "Flags cover objectively checkable information only (scams; matches to a published fact-check; toxic "
        "language). An officer confirms or rejects each flag. Toxic language is reported only as rates per "
        "area and source, never per author.",
    ),
    "tox_absent": (
        "Chưa có mô hình đánh giá ngôn từ độc hại trong kỳ: không có số liệu.",
        "No toxicity model ran in the period: no figures.",
    ),
    "desk_intro": (
        "Số liệu theo cơ quan đang xử lý tại cuối kỳ. “Đúng hạn” tính trên số đã giải quyết có hạn xử lý; "
        "số ngày tính từ ngày tiếp nhận đến ngày giải quyết. Báo cáo chỉ có số đếm, không có thông tin người "
        "gửi đơn.",
        "Figures by the agency holding each case at period end. “On time” is among those resolved that had a "
        "deadline; days run from receipt to resolution. Counts only: no petitioner data.",
    ),
    "open_text": (
        "Đến cuối kỳ còn {cases} vụ việc ({cases_overdue} quá hạn) và {petitions} đơn thư ({petitions_overdue} "
        "quá hạn) chưa giải quyết xong.",
        "At period end {cases} cases ({cases_overdue} overdue) and {petitions} petitions ({petitions_overdue} "
        "overdue) were still open.",
    ),
    "methods_sources": (
        "Nguồn tin có tin, bài trong kỳ: {n}. Nguồn được đăng ký theo dõi tự động (RSS/trang web): {watched}.",
        "Sources with items in the period: {n}. Sources registered for automatic watching (feeds/pages): "
        "{watched}.",
    ),
    "definitions": (
        "Thời gian: theo giờ Việt Nam (UTC+7), kỳ báo cáo tính trọn các ngày từ ngày đầu đến ngày cuối; tin, bài "
        "tính theo ngày đăng, không có ngày đăng thì theo ngày hệ thống thu thập.|"
        "Bản sao: tin, bài có nội dung trùng hoặc gần trùng một tin, bài đã có (đăng lại).|"
        "Vấn đề: nhóm từ 2 tin, bài trở lên về cùng một sự kiện do hệ thống tự gom (như trang “Vấn đề” hiển thị "
        "mặc định), có tin, bài trong kỳ; nhãn là tiêu đề tin đầu tiên. Tin, bài không được gom với tin nào "
        "khác không tính là vấn đề.|"
        "Vụ việc đã giải quyết: lần đầu chuyển sang “đã trả lời” hoặc “đóng” trong kỳ (theo nhật ký).|"
        "Đơn thư đã giải quyết: chuyển sang “đã giải quyết” trong kỳ; đúng hạn khi ngày giải quyết không "
        "muộn hơn hạn giải quyết theo quy định (tính cả gia hạn).|"
        "Quá hạn: chưa giải quyết xong và hạn xử lý đã qua vào cuối ngày cuối kỳ.|"
        "Tỷ lệ ngôn từ độc hại: số tin, bài mô hình gắn nhãn khác “sạch”, trừ tin, bài có cảnh báo ngôn từ độc "
        "hại đã được cán bộ bác bỏ / số tin, bài được mô hình đánh giá.",
        "Time: Vietnam time (UTC+7); the period covers whole days from the first to the last day; an item counts "
        "on its publication date or, without one, on the day it was collected.|"
        "Copy: an item whose content equals or nearly equals an earlier item (a repost).|"
        "Story: two or more items about one event grouped by the system (as the Stories page lists them by "
        "default), with items in the period; its label is the first item's title. An item grouped with no "
        "other is not counted as a story.|"
        "Case resolved: first moved to “responded” or “closed” in the period (from the audit trail).|"
        "Petition resolved: moved to “resolved” in the period; on time when that day is not later than the "
        "legal deadline (extensions included).|"
        "Overdue: not yet resolved, and the deadline passed by the end of the period's last day.|"
        "Toxic language rate: items the model labelled other than “clean”, less those whose toxic-language flag "
        "an officer dismissed / items the model assessed.",
    ),
    "no_models": (
        "Không có tin, bài nào mang thông tin phiên bản mô hình trong kỳ.",
        "No item in the period carries model versions.",
    ),
    "privacy_note": (
        "Báo cáo không chứa thông tin cá nhân của người gửi đơn, người tố cáo hay tác giả tin, bài.",
        "The report holds no personal data of petitioners, denouncers or authors.",
    ),
    "chart_note": ("Biểu đồ: {title} (số liệu ở bảng kèm theo).", "Chart: {title} (figures in the table)."),
    "new": ("mới", "new"),
}

MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December")  # fmt: skip


def t(key: str, lang: str, **kw: object) -> str:
    vi, en = T[key]
    text = vi if lang == "vi" else en
    return text.format(**kw) if kw else text


def fmt_int(n: int | float, lang: str) -> str:
    s = f"{int(round(n)):,}"
    return s.replace(",", ".") if lang == "vi" else s


def fmt_num(x: float, lang: str, digits: int = 1) -> str:
    s = f"{x:,.{digits}f}"
    if lang == "vi":
        s = s.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return s


def fmt_pct(part: float, whole: float, lang: str) -> str:
    if not whole:
        return "—"
    if part == whole:
        return "100%"  # narrower than "100,0%" in tight table columns
    return fmt_num(100.0 * part / whole, lang) + "%"


def fmt_change(now: float, before: float, lang: str) -> str:
    diff = now - before
    sign = "+" if diff > 0 else ("−" if diff < 0 else "±")
    body = f"{sign}{fmt_int(abs(diff), lang)}"
    if before:
        pct = fmt_num(100.0 * abs(diff) / before, lang)
        return f"{body} ({sign}{pct}%)"
    return body if not now else f"{body} ({t('new', lang)})"


def fmt_date(d: dt.date, lang: str) -> str:
    return d.strftime("%d/%m/%Y") if lang == "vi" else d.isoformat()


def month_name(m: int) -> str:
    return MONTHS_EN[m - 1]
