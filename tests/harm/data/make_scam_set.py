"""Build tests/harm/data/scam_set.jsonl (written before the rules were tuned).

Positives paraphrase scam messages described in the cited published warnings (source on every row);
negatives are written in the genres that must NOT be flagged: news warning about scams, real bank /
utility / government announcements, ordinary classified ads and everyday money talk.
Run: PYTHONPATH=src python tests/harm/data/make_scam_set.py
"""

import collections
import json
from pathlib import Path

from tinhhinh.nlp.normalize import strip_diacritics

S = {
    "thanhhoa": (
        "Báo Thanh Hóa",
        "Cảnh báo lừa đảo chiếm đoạt tài sản",
        "https://baothanhhoa.vn/canh-bao-lua-dao-chiem-doat-tai-san-276688.htm",
    ),
    "hanoi24": (
        "Tạp chí Công an nhân dân (th389.vn)",
        "Công an TP Hà Nội cảnh báo 24 thủ đoạn sử dụng công nghệ cao để lừa đảo chiếm đoạt tài sản",
        "https://th389.vn/cong-an-tp-ha-noi-canh-bao-24-thu-doan-su-dung-cong-nghe-cao-de-lua-dao-chiem-doat-tai-san-a175164.html",
    ),
    "vnn_congan": (
        "VietNamNet",
        "Cảnh báo từ những vụ giả mạo công an, viện kiểm sát lừa đảo tiền tỷ",
        "https://vietnamnet.vn/canh-bao-tu-nhung-vu-gia-mao-cong-an-vien-kiem-sat-lua-dao-tien-ty-2087568.html",
    ),
    "danviet_tiensach": (
        "Dân Việt",
        "Bị lừa 'chứng minh tiền sạch', thanh niên ở Hà Nội mất 30 cây vàng",
        "https://danviet.vn/bi-lua-chung-minh-tien-sach-thanh-nien-o-ha-noi-mat-30-cay-vang-d1378861.html",
    ),
    "vnn_applepay": (
        "VietNamNet",
        "Ngân hàng cảnh báo thủ đoạn lừa đảo liên kết ví Apple, Google",
        "https://vietnamnet.vn/ngan-hang-canh-bao-thu-doan-lua-dao-lien-ket-vi-apple-google-2490429.html",
    ),
    "cafef_msb": (
        "CafeF (theo MSB)",
        "Chủ tài khoản, chủ thẻ chú ý những thông tin không được tiết lộ với ngân hàng hay bất kỳ ai",
        "https://cafef.vn/chu-tai-khoan-chu-the-chu-y-nhung-thong-tin-khong-duoc-tiet-lo-voi-ngan-hang-hay-bat-ky-ai-188250907185337427.chn",
    ),
    "soha_khoatk": (
        "Soha",
        "Giật mình tin nhắn 'khóa tài khoản' ngày Tết",
        "https://soha.vn/giat-minh-tin-nhan-khoa-tai-khoan-ngay-tet-cu-lua-tien-ty-chi-sau-mot-cu-cham-198260217083246368.htm",
    ),
    "thanhnien_bvbank": (
        "Thanh Niên",
        "Ngân hàng cảnh báo khách hàng cẩn trọng với phương thức lừa đảo mới",
        "https://thanhnien.vn/ngan-hang-canh-bao-khach-hang-can-trong-voi-phuong-thuc-lua-dao-moi-185250912190044619.htm",
    ),
    "kenh14_agribank": (
        "Kenh14",
        "Vietcombank, Agribank, BIDV thông báo khẩn đến tất cả khách hàng",
        "https://kenh14.vn/vietcombank-agribank-bidv-thong-bao-khan-den-tat-ca-khach-hang-21526010522032373.chn",
    ),
    "laws_ctv": (
        "Laws.com.vn",
        "Cảnh báo: sập bẫy lừa đảo 'việc nhẹ lương cao' từ nhiệm vụ online nhận hoa hồng",
        "https://laws.com.vn/canh-bao-sap-bay-lua-dao-viec-nhe-luong-cao-tu-nhiem-vu-online-nhan-hoa-hong",
    ),
    "vncert_ctv": (
        "Doanh nghiệp Hội nhập (theo VNCERT/CC)",
        "Cảnh báo lừa đảo: Tuyển cộng tác viên cho sàn thương mại điện tử",
        "https://doanhnghiephoinhap.vn/canh-bao-lua-dao-tuyen-cong-tac-vien-cho-san-thuong-mai-dien-tu.html",
    ),
    "mic_sinhvien": (
        "Bộ Thông tin và Truyền thông (mic.gov.vn)",
        "Sinh viên nợ hàng chục triệu đồng vì trò lừa kiếm tiền online",
        "https://mic.gov.vn/sinh-vien-no-hang-chuc-trieu-dong-vi-tro-lua-kiem-tien-online-197157500.htm",
    ),
    "nhadautu_ctv": (
        "Nhà Đầu tư",
        "Lại rầm rộ chiêu dùng cộng tác viên online lừa đảo trực tuyến",
        "https://nhadautu.vn/lai-ram-ro-chieu-dung-cong-tac-vien-online-lua-dao-truc-tuyen-d84029.html",
    ),
    "kenh14_trungthuong": (
        "Kenh14 (theo báo An Giang)",
        "Nhận được tin nhắn có nội dung này, người dùng cần xóa ngay lập tức",
        "https://kenh14.vn/nhan-duoc-tin-nhan-co-noi-dung-nay-nguoi-dung-can-xoa-ngay-lap-tuc-215251108194332897.chn",
    ),
    "cand_trungthuong": (
        "Công an nhân dân",
        "Mắc nợ vì... nhận quà 'trúng thưởng'",
        "https://amp.cand.com.vn/doi-song/Mac-no-vi-nhan-qua-trung-thuong-i491494",
    ),
    "soha_dongthap": (
        "Soha (theo Công an tỉnh Đồng Tháp)",
        "Công an khuyến cáo hãy chặn ngay số điện thoại hoặc tài khoản đã liên hệ khi rơi vào trường hợp này",
        "https://soha.vn/cong-an-khuyen-cao-hay-chan-ngay-so-dien-thoai-hoac-tai-khoan-da-lien-he-khi-roi-vao-truong-hop-nay-198251008104315053.htm",
    ),
    "vnn_sh150": (
        "VietNamNet (ICTnews)",
        "Trúng thưởng SH 150i: người dùng không thể ngờ thông tin lừa đảo được dựng lên quá chi tiết",
        "https://vietnamnet.vn/trung-thuong-sh-150i-nguoi-dung-khong-the-ngo-thong-tin-lua-dao-duoc-dung-len-qua-chi-tiet-i32057.html",
    ),
    "cafef_hokhau": (
        "CafeF (theo Công an TP Hà Nội)",
        "Tuyệt đối không làm điều này với sổ hộ khẩu, thẻ căn cước",
        "https://cafef.vn/tuyet-doi-khong-lam-dieu-nay-voi-so-ho-khau-the-can-cuoc-188251128085129064.chn",
    ),
    "ldtd_vaytinchap": (
        "Lao động Thủ đô",
        "Cảnh báo thủ đoạn giả danh ngân hàng cho 'vay tín chấp online'",
        "https://tacnghiep.laodongthudo.vn/canh-bao-thu-doan-gia-danh-ngan-hang-cho-vay-tin-chap-online-155385.html",
    ),
    "vnplus_vay": (
        "VietnamPlus",
        "Cảnh giác trước loại hình được quảng cáo vay tiền nhanh chóng, dễ dàng",
        "https://www.vietnamplus.vn/canh-giac-truoc-loai-hinh-duoc-quang-cao-vay-tien-nhanh-chong-de-dang/862793.vnp",
    ),
    "nghean24h_sbv": (
        "Nghệ An 24h",
        "Cảnh báo 2 website giả mạo Ngân hàng Nhà nước chứa mã độc đánh cắp tiền",
        "https://nghean24h.vn/canh-bao-2-website-gia-mao-ngan-hang-nha-nuoc-chua-ma-doc-danh-cap-tien-a759017.html",
    ),
    "th389_sinhtrac": (
        "Tạp chí Công an nhân dân (th389.vn)",
        "Cảnh báo thủ đoạn lừa đảo hỗ trợ cài đặt xác thực sinh trắc học",
        "https://th389.vn/canh-bao-thu-doan-lua-dao-ho-tro-cai-dat-xac-thuc-sinh-trac-hoc-a182998.html",
    ),
    "laws_dienluc": (
        "Laws.com.vn",
        "Nhận diện chiêu trò giả danh nhân viên điện lực để lừa đảo",
        "https://laws.com.vn/nhan-dien-chieu-tro-gia-danh-nhan-vien-dien-luc-de-lua-dao",
    ),
    "vnn_dienluc": (
        "VietNamNet",
        "Tài khoản bị trừ gần 700 triệu sau cuộc gọi của 'nhân viên điện lực'",
        "https://vietnamnet.vn/tai-khoan-bi-tru-gan-700-trieu-sau-cuoc-goi-cua-nhan-vien-dien-luc-2377889.html",
    ),
    "tienphong_capcuu": (
        "Tiền Phong",
        "Cảnh báo thủ đoạn lừa đảo phụ huynh qua điện thoại",
        "https://tienphong.vn/canh-bao-thu-doan-lua-dao-phu-huynh-qua-dien-thoai-post1516060.tpo",
    ),
    "hanoimoi_capcuu": (
        "Hà Nội Mới",
        "Mất 40 triệu đồng sau khi nhận cuộc gọi 'con bị ngã nguy kịch, đang cấp cứu'",
        "https://hanoimoi.vn/mat-40-trieu-dong-sau-khi-nhan-cuoc-goi-con-bi-nga-nguy-kich-dang-cap-cuu-17679.html",
    ),
    "znews_otp": (
        "Znews",
        "Ngân hàng cảnh báo đầu số điện thoại giả mạo lừa tiền",
        "https://znews.vn/ngan-hang-canh-bao-dau-so-dien-thoai-gia-mao-lua-dao-tien-post1597395.html",
    ),
}

rows = []


def P(cat, src, text, kind="post", title="", variants=()):
    rows.append(
        dict(
            label="scam",
            category=cat,
            kind=kind,
            title=title,
            text=text,
            variant="plain",
            source=src,
            tvariants=variants,
        )
    )


def N(cat, text, kind="article", title="", variants=()):
    rows.append(
        dict(
            label="ok",
            category=cat,
            kind=kind,
            title=title,
            text=text,
            variant="plain",
            source=None,
            tvariants=variants,
        )
    )


# ---------------- positives: paraphrases of scam messages described in the cited warnings -------------
P(
    "otp",
    "thanhhoa",
    "Chào anh, em bên ngân hàng. Có khoản tiền chuyển vào tài khoản của anh nhưng bị lỗi hệ thống nên chưa về được. Anh đọc giúp em số thẻ và mã OTP vừa gửi về máy để em xử lý ngay nhé.",
    kind="comment",
    variants=("nd",),
)
P(
    "otp",
    "znews_otp",
    "Kính gửi Quý khách, thẻ tín dụng của Quý khách phát sinh giao dịch bất thường. Vui lòng cung cấp số thẻ, mã CVV và mã OTP cho nhân viên để khóa giao dịch trong vòng 30 phút.",
    variants=("nd",),
)
P(
    "otp",
    "vnn_applepay",
    "Ngân hàng thông báo: để nhận hoàn tiền ưu đãi, quý khách vui lòng nhập mã OTP vừa nhận được vào đường link https://hoantien-vcb.top/xacnhan ngay hôm nay.",
)
P(
    "otp",
    "kenh14_agribank",
    "Cán bộ ngân hàng hỗ trợ cập nhật hồ sơ hộ kinh doanh theo Nghị định 70. Anh chị gửi cho em mã OTP và số dư tài khoản để hoàn tất thủ tục trước 17h hôm nay, quá hạn sẽ bị tạm khóa tài khoản.",
    variants=("nd",),
)
P(
    "otp",
    "cafef_msb",
    "MSB: Điểm thưởng của quý khách sắp hết hạn. Đổi điểm lấy quà tại msb-doidiem.xyz, nhập thông tin thẻ và mã OTP để nhận quà ngay.",
)
P(
    "otp",
    "znews_otp",
    "Em là nhân viên ngân hàng, hệ thống đang nâng hạn mức thẻ miễn phí cho chị. Chị đọc cho em mã xác thực OTP gửi về điện thoại nha, mã chỉ có hiệu lực 5 phút thôi.",
    kind="comment",
)
P(
    "otp",
    "th389_sinhtrac",
    "Ngân hàng hỗ trợ cài đặt sinh trắc học online. Quý khách gửi ảnh chụp 2 mặt CCCD và mã OTP qua Zalo 0909 111 222 để được kích hoạt, nếu không tài khoản sẽ bị ngừng giao dịch từ ngày mai.",
    variants=("nd",),
)
P(
    "otp",
    "vnn_applepay",
    "Xác nhận liên kết ví điện tử để nhận quà tri ân. Bạn chỉ cần đọc mã OTP 6 số mà ngân hàng vừa gửi, quà sẽ được chuyển trong 24h.",
    kind="comment",
)

P(
    "id_photo",
    "cafef_hokhau",
    "Hỗ trợ vay tín chấp không thế chấp, giải ngân trong ngày. Chỉ cần chụp ảnh 2 mặt căn cước và sổ hộ khẩu gửi qua Zalo 0987 654 321 là duyệt hồ sơ ngay.",
    variants=("nd", "teen"),
)
P(
    "id_photo",
    "soha_dongthap",
    "Chúc mừng bạn là khách hàng may mắn nhận quà tri ân. Để nhận thưởng vui lòng chụp ảnh CCCD mặt trước mặt sau và số tài khoản ngân hàng gửi cho fanpage trong hôm nay.",
    variants=("nd",),
)
P(
    "id_photo",
    "th389_sinhtrac",
    "Nhân viên ngân hàng xin thông báo: tài khoản của anh chưa xác thực sinh trắc học. Anh gửi giúp em ảnh chân dung và ảnh căn cước công dân hai mặt qua Zalo để em cập nhật, quá hạn tài khoản sẽ bị khóa.",
    kind="comment",
)
P(
    "id_photo",
    "hanoi24",
    "Cán bộ công an phường hướng dẫn kê khai bổ sung thông tin định danh điện tử mức 2. Bà gửi ảnh căn cước và cài ứng dụng theo đường link bit.ly/dinhdanh-vneid để hoàn thành trong ngày hôm nay.",
    variants=("nd",),
)
P(
    "id_photo",
    "ldtd_vaytinchap",
    "Vay tiền online lãi suất 1%/tháng, nợ xấu vẫn vay được. Chỉ cần CCCD và thẻ ATM. Gửi hình căn cước + STK về Zalo 0933 222 111 để được duyệt.",
    variants=("teen",),
)

P(
    "bank_account_money",
    "thanhhoa",
    "Con đây, điện thoại con hỏng nên nhắn bằng nick mới. Mẹ chuyển gấp cho con 15 triệu vào STK 0123456789 Vietcombank tên Nguyễn Văn B, con đang cần đóng tiền viện phí, chiều con gửi lại.",
    kind="comment",
    variants=("nd", "teen"),
)
P(
    "bank_account_money",
    "vnn_congan",
    "Tôi là cán bộ viện kiểm sát. Bà có liên quan đến một vụ án ma túy, yêu cầu bà chuyển toàn bộ tiền vào tài khoản 19034567891 để phong tỏa phục vụ điều tra, nếu không liên quan sẽ hoàn trả. Tuyệt đối không được nói với ai.",
    kind="comment",
    variants=("nd",),
)
P(
    "bank_account_money",
    "danviet_tiensach",
    "Anh đang liên quan đến đường dây rửa tiền. Để chứng minh tiền sạch anh phải chuyển toàn bộ tài sản vào tài khoản tạm giữ số 88886666 của cơ quan điều tra ngay trong hôm nay, nếu không sẽ bị bắt giam.",
    variants=("nd",),
)
P(
    "bank_account_money",
    "tienphong_capcuu",
    "Chị ơi em là cô giáo chủ nhiệm của bé, bé bị ngã cầu thang chấn thương sọ não đang cấp cứu. Chị chuyển gấp 50 triệu vào số tài khoản 0451000123456 của bác sĩ để mổ ngay, không kịp đâu chị.",
    kind="comment",
    variants=("nd",),
)
P(
    "bank_account_money",
    "hanoimoi_capcuu",
    "Em là giáo viên của cháu, cháu ngã từ tầng 3 đang ở bệnh viện, bệnh viện yêu cầu nộp tiền trước mới phẫu thuật. Anh chuyển 40tr vào stk 2222333344 MB Bank giúp em gấp nhé.",
    kind="comment",
    variants=("teen",),
)
P(
    "bank_account_money",
    "vnn_dienluc",
    "Điện lực thông báo: hộ gia đình đang nợ tiền điện tháng này, sẽ bị cắt điện trong vòng 2 giờ nếu không thanh toán. Chuyển khoản ngay số tiền 1.245.000đ vào tài khoản 1903 5566 7788 Techcombank của nhân viên thu.",
    variants=("nd",),
)
P(
    "bank_account_money",
    "laws_dienluc",
    "Nhân viên điện lực thông báo công tơ nhà anh có dấu hiệu gian lận, phải nộp phạt 5 triệu đồng để tránh bị xử lý hình sự. Chuyển vào tài khoản cá nhân 0071000999888 trước 12h trưa nay.",
    kind="comment",
)
P(
    "bank_account_money",
    "hanoi24",
    "Mình bị chuyển nhầm 3 triệu vào tài khoản của bạn. Bạn vui lòng chuyển trả lại gấp vào STK 1011223344 BIDV giúp mình, không thì bên tín dụng sẽ gọi đòi nợ bạn đó.",
    kind="comment",
    variants=("teen",),
)
P(
    "bank_account_money",
    "thanhhoa",
    "Shop du lịch xác nhận đặt tour Phú Quốc giá ưu đãi. Quý khách đặt cọc 50% = 6.000.000đ vào STK 0011002233445 ACB trước 20h hôm nay để giữ chỗ, sau thời gian này giá sẽ tăng.",
)

P(
    "phone_money_urgency",
    "vnn_dienluc",
    "Điện lực khu vực thông báo hóa đơn tiền điện quá hạn, quý khách liên hệ ngay 0868 123 456 để thanh toán chuyển khoản trong hôm nay, nếu không sẽ cắt điện.",
    variants=("nd", "teen"),
)
P(
    "phone_money_urgency",
    "vnn_congan",
    "Thông báo phạt nguội vi phạm giao thông: phương tiện của ông bà bị phạt 3.500.000 đồng. Gọi ngay 0912 000 999 để nộp phạt chuyển khoản trong 24h, quá hạn sẽ bị cưỡng chế.",
    variants=("nd",),
)
P(
    "phone_money_urgency",
    "kenh14_trungthuong",
    "Thế Giới Di Động chúc mừng anh là khách hàng may mắn trúng iPhone. Chuyển 2 triệu phí kích hoạt vòng quay, liên hệ 0977 456 123 gấp trong hôm nay để giữ giải.",
    kind="comment",
    variants=("nd", "teen"),
)
P(
    "phone_money_urgency",
    "cand_trungthuong",
    "Chúc mừng tài khoản của bạn trúng giải nhất: 1 xe SH và phiếu quà tặng 200 triệu. Nạp 3 triệu tiền thẻ cào làm hồ sơ nhận thưởng, liên hệ tổng đài 0866 789 000 trong vòng 60 phút.",
    variants=("nd",),
)
P(
    "phone_money_urgency",
    "hanoi24",
    "Bạn được hoàn tiền bảo hiểm y tế 2.800.000đ. Gọi ngay 0799 555 666 và đóng phí hồ sơ 300k để nhận tiền hoàn, hạn chót hôm nay.",
    variants=("teen",),
)
P(
    "phone_money_urgency",
    "tienphong_capcuu",
    "Con chị đang nguy kịch ở phòng cấp cứu, cần 30 triệu đóng viện phí mổ gấp. Chị gọi ngay cho bác sĩ số 0766 112 233 để chuyển tiền nha chị.",
    kind="comment",
)

P(
    "prize",
    "vnn_sh150",
    "Theo quyết định trao thưởng của công ty FB ADS, tài khoản của bạn được chọn ngẫu nhiên trúng 1 xe SH 150i và phiếu quà tặng 300 triệu đồng. Chuyển 3 triệu phí nhận giải trong vòng 90 phút, quá hạn giải sẽ chuyển cho người khác.",
    variants=("nd", "teen"),
)
P(
    "prize",
    "kenh14_trungthuong",
    "Vé cào may mắn Điện Máy Xanh: bạn trúng tủ lạnh Samsung. Đóng phí vận chuyển 500.000đ vào tài khoản 0771234567 để nhận quà ngay hôm nay.",
    variants=("nd",),
)
P(
    "prize",
    "soha_dongthap",
    "Quỹ Tri Ân Toàn Cầu thông báo quý khách nhận quà tri ân 50 triệu đồng. Vui lòng nộp phí bảo mật và thuế giá trị gia tăng 1.500.000đ gấp để được giải ngân quà.",
)
P(
    "prize",
    "cand_trungthuong",
    "Chúc mừng chủ nhân may mắn trúng giải đặc biệt sự kiện tri ân. Nộp 1,2 triệu lệ phí nhận thưởng bằng thẻ cào Viettel gửi về số 0981 222 333, nhớ không cho ai biết để đảm bảo quyền nhận giải.",
    kind="comment",
    variants=("nd",),
)
P(
    "prize",
    "soha_dongthap",
    "Bạn đã trúng thưởng 1 xe máy và 100 triệu tiền mặt! Bấm link tinyurl.com/nhanqua-tria-an điền STK và mã OTP để nhận thưởng ngay.",
)

P(
    "loan",
    "cafef_hokhau",
    "Hỗ trợ vay vốn 50-500 triệu, không thế chấp, không thẩm định, giải ngân trong ngày. Hồ sơ duyệt xong chỉ cần đóng phí bảo lãnh 2 triệu là giải ngân liền. LH Zalo 0903 456 789.",
    variants=("nd", "teen"),
)
P(
    "loan",
    "vnplus_vay",
    "Chúc mừng hồ sơ vay 30 triệu của anh đã được duyệt. Anh vui lòng chuyển 6 triệu phí làm hợp đồng và bảo hiểm khoản vay vào tài khoản công ty để giải ngân trong 10 phút.",
    kind="comment",
    variants=("nd",),
)
P(
    "loan",
    "ldtd_vaytinchap",
    "Ngân hàng Agribank cho vay tín chấp online lãi suất 0,8%, nợ xấu vẫn vay. Chuyển 1 triệu phí xác minh hồ sơ để duyệt khoản vay ngay. Link: agribank-vaytinchap.online",
    variants=("teen",),
)
P(
    "loan",
    "vnplus_vay",
    "Khoản vay của bạn bị lỗi do sai số tài khoản, cần nộp thêm 9 triệu để mở khóa khoản vay và giải ngân. Nếu không nộp trong hôm nay hồ sơ sẽ bị hủy và mất phí đã đóng.",
    kind="comment",
)
P(
    "loan",
    "cafef_hokhau",
    "Vay nhanh 100 triệu chỉ cần CCCD, không gặp mặt. Gửi ảnh CCCD hai mặt qua Zalo, đóng phí hồ sơ 990k là nhận tiền trong ngày.",
    variants=("nd",),
)

P(
    "job_for_fee",
    "laws_ctv",
    "Tuyển CTV làm nhiệm vụ online tại nhà, like share video nhận hoa hồng 200-500k/ngày, trả lương trong ngày. Ib Zalo 0345 678 910, nạp 200k kích hoạt tài khoản nhận nhiệm vụ.",
    variants=("nd", "teen"),
)
P(
    "job_for_fee",
    "vncert_ctv",
    "Tuyển cộng tác viên thanh toán đơn hàng Shopee Lazada, hoa hồng 10-20% mỗi đơn, hoàn tiền ngay. Chuyển khoản trước tiền đơn hàng vào tài khoản hệ thống để nhận nhiệm vụ.",
    variants=("nd",),
)
P(
    "job_for_fee",
    "mic_sinhvien",
    "Việc nhẹ lương cao: thả tim video 5.000đ/lượt. Nhận thêm nhiệm vụ đặt đơn hàng lãi 30%, nạp trước 700k vào tài khoản trên website để bắt đầu, nhóm Telegram hỗ trợ 24/7.",
    kind="comment",
    variants=("teen",),
)
P(
    "job_for_fee",
    "nhadautu_ctv",
    "Tuyển CTV gắn link sản phẩm kiếm hoa hồng 10.000-500.000đ/sản phẩm. Phí tham gia 399.000đ, chuyển khoản xong sẽ được thêm vào nhóm Telegram làm việc ngay.",
    variants=("nd",),
)
P(
    "job_for_fee",
    "nhadautu_ctv",
    "Đơn thứ 4 giá trị cao nên bạn cần chuyển thêm tiền đối ứng và phí xác minh để rút toàn bộ tiền gốc và hoa hồng. Không hoàn thành trong 30 phút hệ thống sẽ khóa tài khoản.",
    kind="comment",
    variants=("nd",),
)
P(
    "job_for_fee",
    "thanhnien_bvbank",
    "Tuyển lao động đi làm việc nước ngoài lương 40 triệu/tháng, việc nhẹ, bao ăn ở. Đóng trước 5 triệu phí hồ sơ visa qua số tài khoản 0501000123999, liên hệ 0912 888 777.",
    variants=("teen",),
)

P(
    "shortener_lookalike",
    "soha_khoatk",
    "[VCB] Tài khoản của Quý khách sẽ bị khóa sau 24h do chưa cập nhật sinh trắc học. Vui lòng xác thực ngay tại vietcombank-xacthuc.top",
    variants=("nd",),
)
P(
    "shortener_lookalike",
    "nghean24h_sbv",
    "Ngân hàng Nhà nước thông báo cập nhật ứng dụng bảo mật mới. Tải tệp cài đặt tại https://sbvhn.com/app.apk và đăng nhập tài khoản ngân hàng để tránh gián đoạn giao dịch.",
    variants=("nd",),
)
P(
    "shortener_lookalike",
    "hanoi24",
    "Cổng dịch vụ công: hồ sơ hoàn thuế của bạn đã được duyệt. Truy cập dichvucong-gov.vn-hoanthue.com điền số thẻ và mã OTP để nhận tiền hoàn trong ngày.",
)
P(
    "shortener_lookalike",
    "soha_khoatk",
    "BIDV: Tai khoan cua quy khach bi tam khoa do nghi van gian lan. Mo khoa tai bit.ly/bidv-mokhoa truoc 23h hom nay.",
)
P(
    "shortener_lookalike",
    "cafef_msb",
    "Techcombank tri ân khách hàng, tặng 2.000.000đ vào tài khoản. Nhận quà tại techcombank-uudai.vip, đăng nhập và nhập mã OTP để hoàn tất.",
    variants=("nd",),
)
P(
    "shortener_lookalike",
    "hanoi24",
    "Thông báo từ VNeID: tài khoản định danh của bạn sắp hết hiệu lực. Cập nhật ngay tại vneid-capnhat.info kèm ảnh CCCD để không bị khóa.",
    variants=("nd",),
)
P(
    "shortener_lookalike",
    "soha_khoatk",
    "Agribank: Quy khach chua cap nhat dinh danh, tai khoan bi khoa sau 24h. Xac thuc tai cutt.ly/agri-xacthuc va nhap ma OTP.",
)
P(
    "shortener_lookalike",
    "hanoi24",
    "Bạn có 1 khoản phạt nguội chưa nộp. Tra cứu và thanh toán tại csgt-vn.top trong 48h để tránh bị tước giấy phép lái xe.",
    variants=("nd",),
)

P(
    "impersonation_threat",
    "vnn_congan",
    "Alo, đây là Công an quận. Chị có liên quan tới đường dây rửa tiền, chiều nay phải chuyển tiền vào tài khoản của cơ quan điều tra để xác minh, nếu không sẽ ra lệnh bắt tạm giam. Gọi lại 0822 333 444.",
    kind="comment",
    variants=("nd", "teen"),
)
P(
    "impersonation_threat",
    "danviet_tiensach",
    "Cán bộ điều tra yêu cầu anh gom toàn bộ tài sản, bán vàng lấy tiền chuyển vào tài khoản tạm giữ để chứng minh tiền sạch, việc này phải làm gấp và giữ bí mật tuyệt đối.",
    kind="comment",
)
P(
    "impersonation_threat",
    "hanoi24",
    "Anh chị được cơ quan thuế hỗ trợ hoàn thiện hồ sơ hộ kinh doanh, cài ứng dụng theo link gửi qua Zalo và nộp 2 triệu phí xử lý hồ sơ ngay hôm nay, nếu không sẽ bị phạt.",
    variants=("nd",),
)
P(
    "impersonation_threat",
    "thanhnien_bvbank",
    "Tài khoản của anh có rủi ro tín dụng và dính tới vụ án rửa tiền. Để tránh bị khóa, anh chuyển số dư sang tài khoản an toàn 9988776655 do ngân hàng chỉ định ngay lập tức.",
    kind="comment",
    variants=("teen",),
)

P(
    "invest",
    "thanhhoa",
    "Đầu tư tiền ảo lợi nhuận 30%/tháng, cam kết hoàn vốn, không lừa đảo. Nạp tối thiểu 5 triệu vào ví theo STK 0301002223334 để nhận lãi hằng ngày, ib ngay số lượng có hạn.",
    variants=("nd", "teen"),
)
P(
    "invest",
    "thanhhoa",
    "Nhóm chuyên gia chứng khoán quốc tế, lãi 5%/ngày, rút tiền bất cứ lúc nào. Chuyển tiền vốn vào tài khoản sàn theo hướng dẫn của trợ lý, LH 0911 234 567 hôm nay có thưởng.",
)

P(
    "friend_hack",
    "hanoi24",
    "Ê cho t mượn 5tr gấp, chuyển vào stk 0123987654 này nha, tài khoản t bị lỗi không nhận được, tối t trả liền.",
    kind="comment",
    variants=("nd", "teen"),
)
P(
    "friend_hack",
    "hanoi24",
    "Em đang cần gấp 10 triệu đóng tiền hàng, chị chuyển giúp em vào tài khoản 0999888777 của bạn em nhé, 30 phút nữa em gửi lại, đừng gọi em đang họp.",
    kind="comment",
    variants=("nd",),
)

# ---------------- hard negatives -------------
# news that warns about scams (quoted speech, reported cases, police advice)
N(
    "warning_news",
    "Công an tỉnh cho biết thời gian qua xuất hiện thủ đoạn giả danh nhân viên ngân hàng gọi điện thông báo khách hàng bị chuyển nhầm tiền, yêu cầu cung cấp mã OTP. Công an khuyến cáo người dân tuyệt đối không cung cấp mã OTP cho bất kỳ ai.",
    title="Cảnh báo thủ đoạn lừa đảo chuyển nhầm tiền",
    variants=("nd",),
)
N(
    "warning_news",
    'Ngày 14/11, Công an TP cho biết một thanh niên nhận cuộc gọi của đối tượng tự xưng công an, yêu cầu chuyển tiền vào tài khoản để "chứng minh tiền sạch". Nạn nhân đã chuyển khoảng 4 tỷ đồng. Công an không bao giờ yêu cầu người dân chuyển tiền qua điện thoại.',
    title="Bị lừa chứng minh tiền sạch, thanh niên mất 4 tỷ đồng",
    variants=("nd",),
)
N(
    "warning_news",
    "Theo phản ánh, nhiều phụ huynh nhận được cuộc gọi từ người tự xưng là giáo viên, thông báo con bị tai nạn đang cấp cứu, yêu cầu chuyển gấp 50 triệu đồng vào tài khoản để mổ. Sở Giáo dục đề nghị các trường cảnh báo phụ huynh, xác minh với giáo viên chủ nhiệm trước khi chuyển tiền.",
    title="Cảnh giác cuộc gọi lừa đảo 'con đang cấp cứu'",
    variants=("nd",),
)
N(
    "warning_news",
    'Chị V. kể: "Họ bảo tôi trúng iPhone, chuyển 2 triệu phí kích hoạt vòng quay, sau đó đòi thêm 2 triệu nữa thì chặn liên lạc". Công an khuyến cáo người dân không chuyển tiền để nhận thưởng dưới bất kỳ hình thức nào.',
    title="Mất tiền vì tin nhắn trúng thưởng iPhone",
)
N(
    "warning_news",
    "Cục An toàn thông tin ghi nhận các đối tượng gửi tin nhắn giả mạo ngân hàng kèm đường link lạ có đuôi .top, .xyz, .vip yêu cầu cập nhật sinh trắc học. Người dân tuyệt đối không truy cập các đường link này và không nhập mã OTP.",
    title="Cảnh báo tin nhắn giả mạo yêu cầu cập nhật sinh trắc học",
    variants=("nd",),
)
N(
    "warning_news",
    "Thủ đoạn của các đối tượng là đăng tin tuyển cộng tác viên làm nhiệm vụ online, ban đầu trả hoa hồng nhỏ để tạo lòng tin, sau đó yêu cầu nạn nhân nạp số tiền lớn rồi chiếm đoạt. Nhiều sinh viên đã mất hàng chục triệu đồng.",
    title="Sinh viên mắc bẫy 'việc nhẹ lương cao'",
    variants=("nd",),
)
N(
    "warning_news",
    "Công an TP Hà Nội cảnh báo tình trạng giả danh nhân viên ngân hàng, công ty tài chính quảng cáo cho vay không thế chấp, giải ngân trong ngày, yêu cầu chụp ảnh căn cước và sổ hộ khẩu rồi đòi phí bảo lãnh. Người dân nên đến trực tiếp chi nhánh ngân hàng để được tư vấn.",
    title="Công an Hà Nội cảnh báo lừa đảo vay tiền online",
    variants=("nd",),
)
N(
    "warning_news",
    "Anh C. nhận cuộc gọi từ người xưng là nhân viên điện lực, báo nợ tiền điện và hướng dẫn quét mã QR để thanh toán. Ngay sau đó tài khoản của anh bị trừ gần 13 triệu đồng. Điện lực khẳng định không thu tiền qua tài khoản cá nhân và đề nghị khách hàng gọi tổng đài 19001909 khi nghi ngờ.",
    title="Giả danh nhân viên điện lực để chiếm đoạt tiền",
)
N(
    "warning_news",
    "Ngân hàng Nhà nước phát hiện hai website giả mạo cổng thông tin của mình là sbvhn[.]com và state-bank[.]vercel[.]app, phát tán tệp APK chứa mã độc. Người dân chỉ truy cập cổng thông tin chính thức tại sbv.gov.vn.",
    title="Cảnh báo website giả mạo Ngân hàng Nhà nước",
)
N(
    "warning_news",
    "Bà N. (63 tuổi) nhận điện thoại của kẻ tự xưng cán bộ viện kiểm sát, nói bà liên quan vụ án ma túy và yêu cầu chuyển tiền vào tài khoản để phong tỏa. Bà đã chuyển hơn 4,2 tỷ đồng trước khi biết bị lừa và trình báo công an phường.",
    title="Giả danh viện kiểm sát lừa đảo tiền tỷ",
    variants=("nd",),
)
N(
    "warning_news",
    "Các ngân hàng đều khẳng định không bao giờ yêu cầu khách hàng cung cấp thông tin thẻ hay mã OTP qua điện thoại, tin nhắn, email hoặc mạng xã hội. Khách hàng chỉ nhập OTP khi chính mình thực hiện giao dịch trên ứng dụng chính thức.",
    title="Ai yêu cầu mã OTP đều là lừa đảo",
    variants=("nd",),
)
N(
    "warning_news",
    'Theo Công an tỉnh Đồng Tháp, dấu hiệu nhận biết lừa đảo trúng thưởng là thông báo từ kênh không chính thống, giải thưởng giá trị lớn và yêu cầu nộp gấp "phí xử lý hồ sơ", "phí vận chuyển". Người dân nên chặn ngay số điện thoại đã liên hệ.',
    title="Nhận diện chiêu trò lừa đảo trúng thưởng",
)
N(
    "warning_news",
    "Cơ quan công an đã bắt giữ nhóm đối tượng lập nhiều tài khoản Facebook giả mạo ngân hàng cho vay tín chấp, thu phí hồ sơ từ 500.000 đến 5 triệu đồng của hàng trăm người. Vụ án đang được mở rộng điều tra.",
    title="Triệt phá đường dây lừa đảo cho vay tín chấp",
)
N(
    "warning_news",
    "Khuyến cáo: không gửi ảnh căn cước công dân, không cung cấp số tài khoản và mã OTP cho người lạ; khi nhận cuộc gọi yêu cầu chuyển tiền gấp, hãy gọi lại cho người thân để xác minh. Mọi nghi vấn lừa đảo xin báo ngay cho công an nơi gần nhất qua số 113.",
    title="Năm điều cần nhớ để không bị lừa đảo qua mạng",
    variants=("nd",),
)
N(
    "warning_news",
    "Đối tượng dùng tài khoản Facebook bị hack nhắn tin vay tiền bạn bè, kèm cuộc gọi video deepfake để tạo lòng tin. Nhiều người đã chuyển tiền vào số tài khoản lạ. Công an đề nghị người dân gọi điện trực tiếp cho người thân để kiểm tra.",
    title="Cảnh báo lừa đảo bằng deepfake",
)
N(
    "warning_news",
    "Trong tháng, lực lượng chức năng tiếp nhận 32 tin báo về lừa đảo qua mạng, tổng thiệt hại hơn 9 tỷ đồng. Phần lớn nạn nhân bị dụ đầu tư tiền ảo với lợi nhuận cao, chuyển tiền vào các tài khoản do đối tượng cung cấp.",
    title="Lừa đảo qua mạng gây thiệt hại hơn 9 tỷ đồng",
)
N(
    "warning_news",
    'VNCERT/CC cho biết tin nhắn tuyển cộng tác viên cho sàn thương mại điện tử thường kèm đường link giả mạo Shopee, Lazada. Người dùng được khuyến cáo không chuyển khoản trước để "nhận nhiệm vụ" và báo cáo tin nhắn rác qua đầu số 5656.',
    title="VNCERT cảnh báo lừa đảo tuyển cộng tác viên",
)
N(
    "warning_news",
    "Công an phường tuyên truyền tới người dân thủ đoạn giả danh cán bộ công an yêu cầu cài ứng dụng VNeID giả để cập nhật định danh. Công an không gọi điện hướng dẫn cài ứng dụng hay yêu cầu chuyển tiền; mọi thủ tục được thực hiện tại trụ sở.",
    title="Công an phường tuyên truyền phòng chống lừa đảo",
    variants=("nd",),
)
N(
    "warning_news",
    '"Tôi nhận tin nhắn báo tài khoản sẽ bị khóa sau 24 giờ, kèm đường link xác thực. May mà tôi gọi tổng đài ngân hàng kiểm tra", anh T. chia sẻ. Ngân hàng cho biết đây là tin nhắn giả mạo phát qua trạm BTS giả.',
    title="Tin nhắn giả mạo 'khóa tài khoản' dịp Tết",
)
N(
    "warning_news",
    "Bộ Công an khuyến cáo phụ huynh, học sinh cảnh giác trước các cuộc gọi tự xưng giáo viên báo con cấp cứu, đòi chuyển tiền viện phí. Khi nhận cuộc gọi như vậy hãy liên hệ nhà trường, không chuyển tiền cho số tài khoản cá nhân.",
    title="Bộ Công an khuyến cáo phụ huynh",
    variants=("nd",),
)

# real bank / utility / government announcements
N(
    "bank_notice",
    "Vietcombank thông báo tạm dừng dịch vụ ngân hàng số VCB Digibank từ 23h00 ngày 20/7 đến 01h00 ngày 21/7 để nâng cấp hệ thống. Quý khách vui lòng chủ động sắp xếp giao dịch. Chi tiết liên hệ hotline 1900 545413.",
    kind="post",
    title="Thông báo bảo trì hệ thống",
    variants=("nd",),
)
N(
    "bank_notice",
    "BIDV điều chỉnh lãi suất tiết kiệm kỳ hạn 12 tháng lên 5,0%/năm áp dụng từ ngày 1/9 tại tất cả chi nhánh và trên ứng dụng BIDV SmartBanking.",
    kind="post",
    title="BIDV điều chỉnh lãi suất huy động",
)
N(
    "bank_notice",
    "Từ ngày 1/7, giao dịch chuyển tiền trực tuyến trên 10 triệu đồng phải xác thực sinh trắc học. Khách hàng thực hiện đăng ký sinh trắc học trên ứng dụng chính thức của ngân hàng hoặc tại quầy giao dịch, không qua đường link gửi bằng tin nhắn.",
    kind="post",
    title="Hướng dẫn xác thực sinh trắc học theo quy định mới",
    variants=("nd",),
)
N(
    "bank_notice",
    "Agribank triển khai gói tín dụng ưu đãi 10.000 tỷ đồng cho hộ sản xuất nông nghiệp, lãi suất giảm 1%/năm so với thông thường. Khách hàng liên hệ chi nhánh Agribank gần nhất để được tư vấn thủ tục vay vốn.",
    kind="article",
    title="Agribank dành 10.000 tỷ đồng cho vay ưu đãi nông nghiệp",
    variants=("nd",),
)
N(
    "bank_notice",
    "Techcombank tặng hoàn tiền 5% cho giao dịch thanh toán thẻ tại siêu thị trong tháng 12, tối đa 500.000 đồng mỗi khách hàng. Chương trình áp dụng tự động, khách hàng không cần đăng ký. Thể lệ tại techcombank.com.",
    kind="post",
    title="Ưu đãi hoàn tiền cuối năm",
)
N(
    "bank_notice",
    "MB thông báo khách hàng cập nhật giấy tờ tùy thân trên ứng dụng MBBank bằng cách chụp căn cước gắn chip ngay trong ứng dụng. Ngân hàng không gửi đường link và không yêu cầu cung cấp mã OTP qua điện thoại.",
    kind="post",
    title="Cập nhật căn cước trên ứng dụng MBBank",
)
N(
    "bank_notice",
    "Công ty Điện lực thông báo lịch tạm ngừng cung cấp điện để bảo dưỡng lưới điện từ 7h đến 16h ngày 12/5 tại các phường Trung tâm. Khách hàng tra cứu lịch cắt điện tại website chính thức hoặc tổng đài 19001909.",
    kind="post",
    title="Lịch cắt điện bảo dưỡng lưới điện",
    variants=("nd",),
)
N(
    "bank_notice",
    "Người dân có thể nộp thuế, lệ phí trước bạ trực tuyến qua Cổng Dịch vụ công quốc gia tại dichvucong.gov.vn, thanh toán bằng tài khoản ngân hàng hoặc ví điện tử đã liên kết.",
    kind="article",
    title="Nộp lệ phí trước bạ trực tuyến",
)
N(
    "bank_notice",
    "Bảo hiểm xã hội tỉnh thông báo chi trả lương hưu tháng 8 qua tài khoản cá nhân từ ngày 5/8. Người hưởng nhận tiền mặt tại điểm chi trả bưu điện xã theo lịch niêm yết.",
    kind="post",
    title="Lịch chi trả lương hưu tháng 8",
    variants=("nd",),
)
N(
    "bank_notice",
    "Sacombank khuyến cáo khách hàng chỉ tải ứng dụng Sacombank Pay từ App Store và Google Play, không cài ứng dụng từ đường link lạ. Mọi thắc mắc vui lòng gọi hotline 1900 5555 88.",
    kind="post",
    title="Khuyến cáo an toàn giao dịch",
)
N(
    "bank_notice",
    "Ngân hàng Nhà nước yêu cầu các tổ chức tín dụng tăng cường xác thực khách hàng, rà soát tài khoản có dấu hiệu gian lận và phối hợp với cơ quan công an phong tỏa tài khoản nghi vấn.",
    kind="article",
    title="NHNN chỉ đạo tăng cường phòng chống gian lận",
)
N(
    "bank_notice",
    "Kết quả xổ số kiến thiết miền Bắc ngày 15/3: giải đặc biệt 12345, giải nhất 67890. Người trúng thưởng mang vé đến công ty xổ số kiến thiết để lĩnh thưởng trong vòng 30 ngày.",
    kind="article",
    title="Kết quả xổ số ngày 15/3",
)
N(
    "bank_notice",
    "Siêu thị điện máy tổ chức bốc thăm trúng thưởng cho khách hàng mua sắm từ 1 triệu đồng. Danh sách khách hàng trúng giải được niêm yết tại cửa hàng và trên fanpage chính thức, khách hàng nhận giải trực tiếp tại quầy, không thu bất kỳ khoản phí nào.",
    kind="post",
    title="Công bố kết quả bốc thăm trúng thưởng",
)
N(
    "bank_notice",
    "Lãi suất cho vay mua nhà tại nhiều ngân hàng giảm về 6-7%/năm trong năm đầu. Theo chuyên gia, người vay cần tính kỹ khả năng trả nợ khi lãi suất thả nổi sau thời gian ưu đãi.",
    kind="article",
    title="Lãi suất vay mua nhà giảm",
    variants=("nd",),
)
N(
    "bank_notice",
    "VPBank giảm giá 50% phí thường niên thẻ tín dụng cho khách hàng mở thẻ mới trong tháng 10. Đăng ký trên ứng dụng VPBank NEO hoặc tại các điểm giao dịch.",
    kind="post",
    title="Khuyến mãi mở thẻ tín dụng",
)

# ordinary classified ads, personal money talk, legit job ads
N(
    "classified",
    "Cần bán xe Honda Wave đời 2018, chính chủ, máy êm, giá 9 triệu có thương lượng. Liên hệ anh Hùng 0905 123 456, xem xe tại nhà.",
    kind="post",
    variants=("nd", "teen"),
)
N(
    "classified",
    "Cho thuê phòng trọ 20m2 gần chợ, có gác, điện nước giá nhà nước, 2,5 triệu/tháng, cọc 1 tháng. Gọi 0932 456 789 (chị Lan).",
    kind="post",
    variants=("nd", "teen"),
)
N(
    "classified",
    "Tuyển nhân viên bán hàng tại cửa hàng tạp hóa, lương 7 triệu + thưởng, làm ca sáng. Nộp hồ sơ trực tiếp tại 12 Lê Lợi hoặc gọi 0914 222 333.",
    kind="post",
    variants=("nd",),
)
N(
    "classified",
    "Bán đất thổ cư 100m2 mặt tiền đường liên xã, sổ hồng riêng, giá 1,2 tỷ. Liên hệ 0988 777 666 để xem đất.",
    kind="post",
    variants=("teen",),
)
N(
    "classified",
    "Nhận dạy kèm Toán lớp 9 ôn thi vào 10, học phí 150k/buổi, học tại nhà giáo viên. Phụ huynh liên hệ Zalo 0978 111 222.",
    kind="post",
    variants=("nd",),
)
N(
    "classified",
    "Thanh lý tủ lạnh Toshiba 180 lít còn dùng tốt, giá 2 triệu, ai cần ib mình nhé, ship nội thành.",
    kind="post",
    variants=("teen",),
)
N(
    "classified",
    "Nhà hàng cần tuyển 2 phụ bếp, có kinh nghiệm, lương thỏa thuận, bao cơm trưa. Phỏng vấn trực tiếp, không thu phí. LH 0236 3888 999.",
    kind="post",
)
N(
    "classified",
    "Bán gà ta thả vườn 150k/kg, giao tận nhà trong xã. Chuyển khoản hoặc trả tiền mặt khi nhận hàng đều được. Đặt hàng: 0965 432 100.",
    kind="post",
    variants=("nd", "teen"),
)
N(
    "classified",
    "Quán cà phê cần sang nhượng do chuyển công tác, vị trí đẹp, khách ổn định, giá sang 80 triệu. Xem trực tiếp, liên hệ 0909 654 321.",
    kind="post",
)
N(
    "classified",
    "Nhận sửa điện nước tại nhà, có mặt sau 30 phút, giá cả hợp lý. Gọi thợ Tuấn 0935 000 111.",
    kind="post",
    variants=("nd",),
)
N(
    "classified",
    "Lớp học bơi hè cho trẻ em tại hồ bơi thị xã, học phí 800 nghìn/khóa 12 buổi, đăng ký tại quầy lễ tân nhà văn hóa.",
    kind="post",
)
N(
    "classified",
    "Shop quần áo trẻ em giảm giá 30% toàn bộ hàng hè, áp dụng đến hết chủ nhật. Mua online inbox fanpage, thanh toán khi nhận hàng.",
    kind="post",
    variants=("teen",),
)
N(
    "personal",
    "Tối qua đi ăn hết 600k, chia 4 người mỗi người 150k nha, chuyển khoản cho t là được.",
    kind="comment",
    variants=("teen",),
)
N(
    "personal",
    "Mai họp lớp ở quán cũ lúc 7h tối, ai đi thì xác nhận trong nhóm, quỹ lớp đóng 200k nhé.",
    kind="comment",
    variants=("nd",),
)
N(
    "personal",
    "Con ơi mẹ gửi tiền học kỳ này rồi đó, con kiểm tra tài khoản nhé, nhớ ăn uống đầy đủ.",
    kind="comment",
)
N(
    "personal",
    "Ai biết chỗ nào sửa điện thoại uy tín ở trung tâm thị trấn không, máy mình bị hỏng màn hình.",
    kind="comment",
    variants=("nd",),
)
N(
    "personal",
    "Mình vừa bị một số lạ gọi bảo trúng thưởng xe SH, bắt chuyển phí nhận giải 3 triệu, may mà mình không tin. Mọi người cẩn thận nhé, lừa đảo đấy!",
    kind="comment",
    variants=("nd", "teen"),
)
N(
    "personal",
    "Cảnh giác nha cả nhà, có đứa nhắn tin giả làm ngân hàng đòi mã OTP, mình báo công an rồi. Đừng ai đưa OTP cho ai hết.",
    kind="comment",
    variants=("nd",),
)
N(
    "personal",
    "Vay ngân hàng mua nhà lãi suất bây giờ cao quá, trả góp mỗi tháng 12 triệu mệt thật sự.",
    kind="comment",
)
N(
    "personal",
    "Hôm nay đi làm căn cước gắn chip ở công an phường, đông quá phải chờ 2 tiếng.",
    kind="comment",
    variants=("nd",),
)
N(
    "personal",
    "Lương tháng này về trễ, chắc phải mượn tạm đứa em ít tiền tiêu, mai có lương trả lại.",
    kind="comment",
)
N(
    "article",
    "Giá vàng miếng hôm nay tăng 500.000 đồng mỗi lượng, lên 85 triệu đồng. Các doanh nghiệp kinh doanh vàng cho biết nhu cầu mua vào tăng mạnh dịp cuối năm.",
    title="Giá vàng tăng mạnh",
    variants=("nd",),
)
N(
    "article",
    "UBND tỉnh hỗ trợ 2 triệu đồng cho mỗi hộ gia đình bị thiệt hại do bão, tiền được chuyển khoản trực tiếp vào tài khoản của người dân theo danh sách do xã lập, công khai tại trụ sở UBND xã.",
    title="Hỗ trợ hộ dân bị thiệt hại do bão",
)
N(
    "article",
    "Sàn thương mại điện tử giảm giá đến 50% trong ngày hội mua sắm 11/11, nhiều mặt hàng điện tử được bán với giá thấp kỷ lục. Người tiêu dùng được khuyên so sánh giá trước khi mua.",
    title="Giảm giá đến 50% ngày hội mua sắm",
    variants=("nd",),
)
N(
    "article",
    "Tòa án nhân dân tỉnh mở phiên xét xử sơ thẩm bị cáo N. về tội lừa đảo chiếm đoạt tài sản. Bị cáo đã giả danh nhân viên ngân hàng, yêu cầu bị hại cung cấp mã OTP để chiếm đoạt 800 triệu đồng, bị tuyên phạt 12 năm tù.",
    title="Lĩnh 12 năm tù vì giả danh nhân viên ngân hàng",
    variants=("nd",),
)
N(
    "article",
    "Trung tâm dịch vụ việc làm tỉnh tổ chức phiên giao dịch việc làm với 1.500 vị trí tuyển dụng, người lao động tham gia miễn phí. Các doanh nghiệp tuyển công nhân may, điện tử với mức lương từ 7-10 triệu đồng.",
    title="Phiên giao dịch việc làm thu hút đông lao động",
    variants=("nd",),
)
N(
    "article",
    "Theo Tổng cục Thống kê, lượng kiều hối chuyển về trong năm đạt 16 tỷ USD. Các ngân hàng đã giảm phí chuyển tiền quốc tế để thu hút khách hàng.",
    title="Kiều hối đạt 16 tỷ USD",
)
N(
    "article",
    "Cảnh sát giao thông tỉnh công bố danh sách 230 phương tiện vi phạm bị phạt nguội qua camera. Chủ phương tiện đến trụ sở đội CSGT để giải quyết; lực lượng chức năng không gọi điện yêu cầu chuyển khoản nộp phạt.",
    title="Công bố danh sách phương tiện bị phạt nguội",
    variants=("nd",),
)
N(
    "article",
    "Đội tuyển bóng đá nữ giành chiến thắng 3-0, nhận thưởng nóng 1 tỷ đồng từ liên đoàn. Huấn luyện viên cho biết cả đội sẽ tập trung chuẩn bị cho trận bán kết.",
    title="Đội tuyển nữ nhận thưởng nóng",
    variants=("nd",),
)


def nd(t):
    return strip_diacritics(t)


TEEN = [
    ("không", "ko"),
    ("Không", "K"),
    ("chuyển khoản", "ck"),
    ("Chuyển khoản", "Ck"),
    ("số tài khoản", "stk"),
    ("được", "dc"),
    ("triệu", "tr"),
    ("liên hệ", "lh"),
    ("Liên hệ", "LH"),
    ("với", "vs"),
    ("gì", "j"),
    ("nhé", "nhe"),
    ("vậy", "z"),
    ("mình", "mik"),
    ("gấp", "gấpppp"),
    ("ngay", "liền"),
    ("căn cước công dân", "cccd"),
    ("căn cước", "cccd"),
    ("tin nhắn", "tn"),
    ("biết", "bít"),
    ("quá", "wá"),
    ("nhắn tin", "ib"),
    ("điện thoại", "đt"),
    ("nhận", "nhậnn"),
    ("tài khoản", "tk"),
    ("trong ngày", "trong ngay"),
    ("nha", "nhaaa"),
    ("nhé", "nhe"),
]


def teen(t):
    for a, b in TEEN:
        t = t.replace(a, b)
    return t


out = []
counter = {"scam": 0, "ok": 0}
for r in rows:
    variants = r.pop("tvariants")
    base = dict(r)
    counter[r["label"]] += 1
    base_id = f"{'s' if r['label'] == 'scam' else 'n'}{counter[r['label']]:03d}"
    out.append({"id": base_id, **base})
    for v in variants:
        if v == "nd":
            out.append(
                {
                    "id": base_id + "-nd",
                    **base,
                    "title": nd(base["title"]),
                    "text": nd(base["text"]),
                    "variant": "no_diacritics",
                }
            )
        elif v == "teen":
            tt = teen(base["text"])
            assert tt != base["text"], base["text"]
            out.append(
                {"id": base_id + "-tc", **base, "title": base["title"], "text": tt, "variant": "teencode"}
            )
for o in out:
    if o["source"]:
        pub, title, url = S[o["source"]]
        o["source"] = {"publisher": pub, "title": title, "url": url}
with open(Path(__file__).with_name("scam_set.jsonl"), "w", encoding="utf-8") as fh:
    for o in out:
        fh.write(json.dumps(o, ensure_ascii=False) + "\n")
print(len(out), collections.Counter(o["label"] for o in out), collections.Counter(o["variant"] for o in out))
