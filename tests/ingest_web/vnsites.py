"""Hand-built feeds and pages shaped like real Vietnamese news sites (invented stories).

RSS like VnExpress/Tuổi Trẻ: CDATA descriptions with an <a><img></a></br> teaser, RFC 822 dates
with +0700; Atom like a provincial portal; article pages with menus, ads, "related" boxes and a
comment thread around the body, metadata in ``article:published_time`` or JSON-LD.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Story:
    slug: str
    title: str
    lead: str
    body: list[str]
    published: str  # RFC 822 for RSS
    iso: str  # ISO 8601 for page metadata / Atom


STORIES = [
    Story(
        "mua-lu-mien-trung-so-tan-1200-ho-dan-4821001",
        "Mưa lũ miền Trung: Quảng Ngãi sơ tán hơn 1.200 hộ dân",
        "Mực nước sông Trà Khúc vượt báo động 3, chính quyền huyện Sơn Tịnh di dời người dân khỏi vùng trũng.",
        [
            "Chiều 25/11, Ban Chỉ huy phòng chống thiên tai tỉnh Quảng Ngãi cho biết mưa lớn kéo dài từ đêm "
            "trước khiến nước sông Trà Khúc dâng nhanh, vượt mức báo động 3 lúc 14h.",
            "Hơn 1.200 hộ dân ở các xã ven sông được đưa đến trường học và nhà văn hóa. Lực lượng biên phòng, "
            "quân sự huyện cùng thanh niên tình nguyện hỗ trợ di chuyển người già, trẻ nhỏ.",
            "Trung tâm Dự báo khí tượng thủy văn quốc gia dự báo mưa còn kéo dài đến hết ngày 27/11, lượng mưa "
            "phổ biến 150-300 mm, có nơi trên 400 mm. Người dân không được qua ngầm, tràn khi nước chảy xiết.",
        ],
        "Tue, 25 Nov 2026 16:42:10 +0700",
        "2026-11-25T16:42:10+07:00",
    ),
    Story(
        "canh-bao-lua-dao-gia-danh-nhan-vien-dien-luc-4821055",
        "Cảnh báo lừa đảo giả danh nhân viên điện lực đòi tiền điện",
        "Nhiều người dân nhận cuộc gọi yêu cầu chuyển khoản tiền điện kèm đường link lạ, nếu không sẽ bị cắt điện.",
        [
            "Công ty Điện lực tỉnh cho biết thời gian qua xuất hiện nhiều đối tượng gọi điện, nhắn tin giả danh "
            "nhân viên ngành điện, thông báo khách hàng nợ tiền và yêu cầu thanh toán ngay qua đường link.",
            "Đường link dẫn đến trang web giả mạo, đề nghị nhập số tài khoản, mã OTP. Ngành điện khẳng định "
            "không yêu cầu khách hàng cung cấp mã OTP hay chuyển tiền vào tài khoản cá nhân.",
            "Khi nhận được cuộc gọi nghi vấn, người dân cần liên hệ tổng đài chăm sóc khách hàng hoặc báo ngay "
            "cho cơ quan công an gần nhất.",
        ],
        "Tue, 25 Nov 2026 18:05:00 +0700",
        "2026-11-25T18:05:00+07:00",
    ),
    Story(
        "hoc-sinh-nghi-hoc-tranh-ret-4821102",
        "Học sinh mầm non, tiểu học được nghỉ học khi nhiệt độ dưới 10 độ C",
        "Sở Giáo dục và Đào tạo yêu cầu các trường chủ động cho học sinh nghỉ khi trời rét đậm, rét hại.",
        [
            "Theo văn bản hướng dẫn, khi nhiệt độ ngoài trời dưới 10 độ C, học sinh mầm non và tiểu học được "
            "nghỉ học; dưới 7 độ C, học sinh trung học cơ sở được nghỉ.",
            "Các trường cần bố trí phòng học kín gió, đủ ánh sáng và nhắc phụ huynh cho con mặc đủ ấm. Nhà trường "
            "báo cáo số học sinh nghỉ học về phòng giáo dục trước 9h hằng ngày.",
        ],
        "Wed, 26 Nov 2026 07:15:00 +0700",
        "2026-11-26T07:15:00+07:00",
    ),
]


def rss(base: str, stories: list[Story] = STORIES, *, encoding: str = "UTF-8", site: str = "VnTin") -> str:
    items = []
    for s in stories:
        link = f"{base}/thoi-su/{s.slug}.html"
        items.append(
            f"""<item>
<title><![CDATA[ {s.title} ]]></title>
<description><![CDATA[<a href="{link}"><img width=130 height=100 src="{base}/img/{s.slug}_180x108.jpg" ></a></br>{s.lead}]]></description>
<pubDate>{s.published}</pubDate>
<link>{link}</link>
<guid isPermaLink="true">{link}</guid>
<slash:comments>0</slash:comments>
</item>"""
        )
    return f"""<?xml version="1.0" encoding="{encoding}"?>
<rss xmlns:slash="http://purl.org/rss/1.0/modules/slash/" version="2.0">
<channel>
<title>Thời sự - {site} RSS</title>
<description>{site} RSS</description>
<image><url>{base}/i/logo_rss.png</url><title>{site} - Tin nhanh Việt Nam</title><link>{base}</link></image>
<pubDate>Wed, 26 Nov 2026 08:00:00 +0700</pubDate>
<generator>{site}</generator>
<link>{base}/rss/thoi-su.rss</link>
{"".join(items)}
</channel>
</rss>
"""


def atom(base: str, stories: list[Story] = STORIES) -> str:
    entries = []
    for s in stories:
        # provincial portals often publish local time without a zone
        entries.append(
            f"""<entry>
  <title type="html">{s.title}</title>
  <link rel="alternate" type="text/html" href="{base}/tin-tuc/{s.slug}"/>
  <id>tag:{base.split("//")[1]},2026:{s.slug}</id>
  <updated>{s.iso[:19]}</updated>
  <summary type="html">&lt;p&gt;{s.lead}&lt;/p&gt;</summary>
</entry>"""
        )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Cổng thông tin điện tử tỉnh</title>
  <link href="{base}/"/>
  <updated>2026-11-26T08:00:00</updated>
  <id>{base}/</id>
  {"".join(entries)}
</feed>
"""


def article(s: Story, *, meta_charset: str = "utf-8", json_ld: bool = False) -> str:
    paragraphs = "\n".join(f'<p class="Normal">{p}</p>' for p in s.body)
    date_meta = (
        f"""<script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle",
"headline":"{s.title}","datePublished":"{s.iso}"}}</script>"""
        if json_ld
        else f'<meta property="article:published_time" content="{s.iso}" />'
    )
    return f"""<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="{meta_charset}">
<title>{s.title} - VnTin</title>
<meta property="og:title" content="{s.title}" />
<meta name="description" content="{s.lead}" />
{date_meta}
<link rel="stylesheet" href="/css/main.css">
</head>
<body>
<header class="header">
  <nav class="main-nav"><ul><li><a href="/">Trang chủ</a></li><li><a href="/thoi-su">Thời sự</a></li>
  <li><a href="/the-gioi">Thế giới</a></li><li><a href="/kinh-doanh">Kinh doanh</a></li>
  <li><a href="/giai-tri">Giải trí</a></li><li><a href="/the-thao">Thể thao</a></li></ul></nav>
</header>
<div class="banner-ads"><a href="https://ads.example/click?id=991">Vay tiền nhanh lãi suất 0% - Đăng ký ngay</a></div>
<section class="container">
  <div class="breadcrumb"><a href="/">Trang chủ</a> › <a href="/thoi-su">Thời sự</a></div>
  <article class="fck_detail">
    <h1 class="title-detail">{s.title}</h1>
    <span class="date">Thứ ba, 25/11/2026, 16:42 (GMT+7)</span>
    <p class="description">{s.lead}</p>
    {paragraphs}
    <p class="author_mail"><strong>Minh Anh</strong></p>
  </article>
  <div class="box-tinlienquan"><h3>Tin liên quan</h3><ul>
    <li><a href="/a-1.html">Giá vàng hôm nay tăng mạnh</a></li><li><a href="/a-2.html">Lịch cắt điện tuần tới</a></li></ul></div>
  <div id="box_comment"><h3>Ý kiến bạn đọc (3)</h3>
    <div class="comment_item"><p class="full_content">Mong bà con an toàn, chính quyền làm tốt lắm.</p><span>Hùng - 2 giờ trước</span></div>
    <div class="comment_item"><p class="full_content">Năm nào cũng lũ, cần giải pháp lâu dài.</p><span>Lan - 1 giờ trước</span></div>
  </div>
</section>
<footer><p>© Copyright 1997-2026 VnTin. Giấy phép số 548/GP-BTTTT.</p><p>Liên hệ quảng cáo: 0900 000 000</p></footer>
</body>
</html>
"""


_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def cp1258(text: str) -> bytes:
    """Encode like a legacy Vietnamese Windows site: precomposed letters where the codepage has
    them, otherwise base letter + combining tone mark (that is how windows-1258 works)."""
    import unicodedata

    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
            out += base.encode("cp1258") + "".join(c for c in parts if c in _TONES).encode("cp1258")
    return bytes(out)


_PLACES = ["Quảng Ngãi", "Bình Định", "Quảng Nam", "Đà Nẵng", "Huế", "Kon Tum", "Gia Lai", "Phú Yên"]
_TOPICS = [
    (
        "sạt lở đất đe dọa {n} hộ dân",
        "Mưa lớn kéo dài khiến taluy dương sạt lở, chính quyền xã di dời khẩn cấp {n} hộ dân.",
    ),
    (
        "khởi công tuyến đường nối {n} xã miền núi",
        "Tuyến đường dài {n} km có tổng vốn hơn 300 tỷ đồng, dự kiến hoàn thành sau hai năm.",
    ),
    (
        "bệnh viện tiếp nhận {n} ca sốt xuất huyết",
        "Số ca mắc tăng mạnh trong tuần, ngành y tế đề nghị người dân diệt lăng quăng, bọ gậy.",
    ),
    (
        "cảnh báo chiêu lừa đảo mới qua {n} cuộc gọi",
        "Công an tỉnh ghi nhận {n} trường hợp bị giả danh cán bộ thuế yêu cầu cài ứng dụng lạ.",
    ),
    (
        "giá lúa tăng, nông dân thu lãi {n} triệu mỗi héc-ta",
        "Vụ thu đông năm nay năng suất đạt cao, thương lái thu mua tận ruộng.",
    ),
]


def many_stories(n: int, seed: int = 0) -> list[Story]:
    """``n`` distinct, deterministic stories (for runs long enough to interrupt)."""
    stories = []
    for i in range(n):
        k = seed * 1000 + i
        place = _PLACES[k % len(_PLACES)]
        head, lead = _TOPICS[(k // len(_PLACES)) % len(_TOPICS)]
        num = 10 + (k * 37) % 900
        title = f"{place}: {head.format(n=num)}"
        body = [
            f"Sáng {1 + k % 28}/11, lãnh đạo UBND tỉnh {place} cho biết {lead.format(n=num).lower()}",
            f"Theo báo cáo nhanh, lực lượng chức năng đã có mặt tại hiện trường, hỗ trợ {num} người dân "
            f"và ghi nhận thiệt hại ban đầu khoảng {num * 3} triệu đồng. Mã hồ sơ {k:05d}.",
            "Ngành chức năng khuyến cáo người dân theo dõi thông tin chính thức, không chia sẻ tin chưa kiểm chứng.",
        ]
        stories.append(
            Story(
                f"tin-{seed}-{i:04d}-{k}",
                title,
                lead.format(n=num),
                body,
                f"Wed, {1 + k % 26:02d} Nov 2026 {k % 24:02d}:{k % 60:02d}:00 +0700",
                f"2026-11-{1 + k % 26:02d}T{k % 24:02d}:{k % 60:02d}:00+07:00",
            )
        )
    return stories
