"""Build tests/harm/data/scam_fresh.jsonl: a second, fresh labelled set for the scam rules.

Written on 27 Nov 2026 BEFORE reading the rules' patterns and before any rule change, so that its score
is a clean measurement. Positives paraphrase scam messages described in published warnings that are
not among the 27 sources of scam_set.jsonl (source on every scam row; phone and account numbers are
invented); they favour kinds the first set has few of (fake VNeID / public-service / tax / social
insurance apps and notices, refund-recovery scams, fake tours/tickets, crypto/forex groups, deepfake
and relative-abroad calls, fake delivery/COD, fake power/water staff, romance/gift-customs, fake
charity, task-for-commission jobs). Negatives are hard ones of kinds the first set lacks: real
VNeID / public-service / tax / social-insurance notices, real delivery messages, crypto price news,
charity appeals through official accounts, travel-agency ads, police warnings that quote a new scam,
real power/water notices and everyday money talk.
Run: PYTHONPATH=src python tests/harm/data/make_scam_fresh.py
"""

import collections
import json
from pathlib import Path

from tinhhinh.nlp.normalize import strip_diacritics

S = {
    "cafef_dvc": (
        "CafeF",
        "Nghe điện thoại có nội dung này hãy tắt máy ngay lập tức",
        "https://cafef.vn/nghe-dien-thoai-co-noi-dung-nay-hay-tat-may-ngay-lap-tuc-18825081006551938.chn",
    ),
    "baolamdong_vneid": (
        "Báo Lâm Đồng",
        "Cảnh báo lừa đảo giả mạo ứng dụng VneID sau sáp nhập hành chính",
        "https://baolamdong.vn/canh-bao-lua-dao-gia-mao-ung-dung-vneid-sau-sap-nhap-hanh-chinh-381430.html",
    ),
    "vov_vneid": (
        "VOV (theo Cục A05, Bộ Công an)",
        "Cảnh báo về tội phạm mạng lợi dụng ứng dụng VNeID giả mạo",
        "https://vov.vn/cong-nghe/tin-cong-nghe/canh-bao-ve-toi-pham-mang-loi-dung-ung-dung-vneid-gia-mao-post1213395.vov",
    ),
    "cafef_bca_vneid": (
        "CafeF (theo Bộ Công an)",
        "Bộ Công an khuyến cáo 4 điều người dân cần lưu ý để tránh bị chiếm đoạt tài khoản ngân hàng",
        "https://cafef.vn/bo-cong-an-khuyen-cao-4-dieu-nguoi-dan-can-luu-y-de-tranh-bi-chiem-doat-tai-khoan-ngan-hang-188240208104440651.chn",
    ),
    "dantoc_vncert": (
        "Báo Dân tộc và Phát triển (theo VNCERT/CC)",
        "Cảnh giác lừa đảo mạo danh công an yêu cầu tải, cài ứng dụng VNeID giả mạo",
        "https://dantocmiennui.baotintuc.vn/canh-giac-lua-dao-mao-danh-cong-an-yeu-cau-tai-cai-ung-dung-vneid-gia-mao-post356823.html",
    ),
    "kienthuc_haiphong": (
        "Kiến Thức (theo Công an TP Hải Phòng)",
        "Cảnh giác lừa đảo mạo danh công an yêu cầu đồng bộ VNeID",
        "https://kienthuc.net.vn/xa-hoi/canh-giac-lua-dao-mao-danh-cong-an-yeu-cau-dong-bo-vneid-1972778.html",
    ),
    "baonghean_vneid": (
        "Báo Nghệ An",
        "Bộ Công an cảnh báo người dân không tự cập nhật VNeID, không cung cấp thông tin qua điện thoại hay đường link lạ",
        "https://baonghean.vn/bo-cong-an-canh-bao-nguoi-dan-khong-tu-cap-nhat-vneid-khong-cung-cap-thong-tin-qua-dien-thoai-hay-duong-link-la-10301670.html",
    ),
    "tienphong_thue": (
        "Tiền Phong (theo Cục Thuế TP.HCM)",
        "Cảnh báo nạn giả mạo cán bộ thuế hướng dẫn cài app để chiếm đoạt tiền",
        "https://tienphong.vn/canh-bao-nan-gia-mao-can-bo-thue-huong-dan-cai-app-de-chiem-doat-tien-post1524788.tpo",
    ),
    "soha_thue_qn": (
        "Soha (theo Công an tỉnh Quảng Ngãi)",
        "Thủ đoạn lừa đảo hoàn toàn mới liên quan đến thuế, người dân, hộ kinh doanh nhỏ lẻ phải đặc biệt chú ý",
        "https://soha.vn/thu-doan-lua-dao-hoan-toan-moi-lien-quan-den-thue-nguoi-dan-ho-kinh-doanh-nho-le-phai-dac-biet-chu-y-198251104123409482.htm",
    ),
    "kienthuc_thue": (
        "Kiến Thức",
        "Lật tẩy chiêu giả mạo ứng dụng ngành thuế chiếm đoạt tài khoản ngân hàng",
        "https://kienthuc.net.vn/khoa-hoc-cong-nghe/lat-tay-chieu-gia-mao-ung-dung-nganh-thue-chiem-doat-tai-khoan-ngan-hang-2082306.html",
    ),
    "kenh14_bhxh": (
        "Kenh14 (theo Công an tỉnh Hưng Yên, BHXH tỉnh Tây Ninh)",
        "Bảo hiểm xã hội Việt Nam phát thông báo quan trọng tới người dân",
        "https://kenh14.vn/bao-hiem-xa-hoi-viet-nam-phat-thong-bao-quan-trong-toi-nguoi-dan-215251111125439239.chn",
    ),
    "baophapluat_bhxh": (
        "Báo Pháp luật Việt Nam (theo BHXH Việt Nam)",
        "Hành vi lừa đảo làm dịch vụ BHXH trên mạng xã hội tiếp tục tái diễn",
        "https://baophapluat.vn/hanh-vi-lua-dao-lam-dich-vu-bhxh-tren-mang-xa-hoi-tiep-tuc-tai-dien-post481121.html",
    ),
    "plo_bhxh": (
        "Pháp Luật TP.HCM (theo BHXH Việt Nam)",
        "Chiêu lừa mới: Mạo danh BHXH 'hỗ trợ 100% BHYT'",
        "https://plo.vn/chieu-lua-moi-mao-danh-bhxh-ho-tro-100-bhyt-post881313.html",
    ),
    "thanhnien_laylaitien": (
        "Thanh Niên",
        "Nhờ giúp lấy lại tiền bị lừa đảo, coi chừng 'nỗi đau nhân đôi'",
        "https://thanhnien.vn/nho-giup-lay-lai-tien-bi-lua-dao-coi-chung-noi-dau-nhan-doi-185231215091152479.htm",
    ),
    "kenh14_laylaitien": (
        "Kenh14",
        "Cảnh giác với dịch vụ lấy lại tiền bị lừa đảo trên MXH để không bị lừa tiếp lần 2",
        "https://kenh14.vn/canh-giac-voi-dich-vu-lay-lai-tien-bi-lua-dao-tren-mxh-de-khong-bi-lua-tiep-lan-2-20240113110739416.chn",
    ),
    "antd_laylaitien": (
        "An ninh Thủ đô",
        "Lừa đảo lấy lại tiền bị lừa - chiêu trò 'thừa nước đục thả câu'",
        "https://m.anninhthudo.vn/lua-dao-lay-lai-tien-bi-lua-chieu-tro-thua-nuoc-duc-tha-cau-post593801.amp",
    ),
    "viettimes_tour": (
        "VietTimes (theo Hiệp hội An ninh mạng quốc gia)",
        "Lừa đảo đặt tour du lịch: Ưu đãi sốc, giá rẻ bất thường, yêu cầu chuyển khoản nhanh",
        "https://m.viettimes.vn/lua-dao-dat-tour-du-lich-uu-dai-soc-gia-re-bat-thuong-yeu-cau-chuyen-khoan-nhanh-post187370.amp",
    ),
    "cand_dulich": (
        "Công an nhân dân",
        "Cảnh giác trước 'bẫy' du lịch giá rẻ",
        "https://amp.cand.com.vn/phap-luat/canh-giac-truoc-bay-du-lich-gia-re-i775249",
    ),
    "ldcd_vemaybay": (
        "Nhịp sống doanh nghiệp (Lao động Công đoàn; theo Công an TP.HCM)",
        "Đừng để lòng tin và kỳ nghỉ bị 'đánh cắp'",
        "https://nhipsongdoanhnghiep.laodongcongdoan.vn/dung-de-long-tin-va-ky-nghi-bi-danh-cap-110965.html",
    ),
    "kienthuc_concert": (
        "Kiến Thức (theo Công an TP Hà Nội)",
        "Giả mạo bán code vé chương trình 'Anh trai say hi' để lừa đảo",
        "https://kienthuc.net.vn/xa-hoi/gia-mao-ban-code-ve-chuong-trinh-anh-trai-say-hi-de-lua-dao-2056799.html",
    ),
    "dantri_tienao": (
        "Dân trí",
        "Thâm nhập các nhóm đầu tư tiền ảo, phát hiện chiêu thức 'lùa gà' khó tin",
        "https://dantri.com.vn/kinh-doanh/tham-nhap-cac-nhom-dau-tu-tien-ao-phat-hien-chieu-thuc-lua-ga-kho-tin-20210517102747599.htm",
    ),
    "kienthuc_koi": (
        "Kiến Thức (theo Công an TP Hà Nội)",
        "Bẫy lừa tiền ảo hứa lãi khủng, mất trắng hàng tỷ đồng",
        "https://kienthuc.net.vn/bay-lua-tien-ao-hua-lai-khung-mat-trang-hang-ty-dong-post1561597.html",
    ),
    "cafef_tienao": (
        "CafeF (theo Cục An toàn thông tin)",
        "Cảnh giác bẫy tiền ảo",
        "https://cafef.vn/canh-giac-bay-tien-ao-188250112231349994.chn",
    ),
    "vnn_forex": (
        "VietNamNet",
        "Đầu tư forex: Lãi khủng hay mất trắng?",
        "https://vietnamnet.vn/vn/kinh-doanh/tai-chinh/dau-tu-forex-lai-khung-hay-mat-trang-763659.html",
    ),
    "suckhoe_deepfake": (
        "Gia đình và Xã hội (Sức khỏe và Đời sống)",
        "Công an vạch trần hành vi ghép mặt và giọng nói để lừa đảo, chỉ rõ dấu hiệu cần cảnh giác",
        "https://giadinh.suckhoedoisong.vn/cong-an-vach-tran-hanh-vi-ghep-mat-va-giong-noi-de-lua-dao-chi-ro-dau-hieu-can-canh-giac-172230328141550295.htm",
    ),
    "docnhanh_deepfake": (
        "Đọc Nhanh",
        "Xuất hiện hành vi ghép mặt, giọng nói giống hệt người thân để lừa đảo",
        "https://docnhanh.vn/index.php/xa-hoi/xuat-hien-hanh-vi-ghep-mat-giong-noi-giong-het-nguoi-than-de-lua-dao-tintuc870426",
    ),
    "kenh14_shipper_laichau": (
        "Kenh14 (theo Công an tỉnh Lai Châu)",
        "Công an đặc biệt lưu ý người có thói quen chuyển khoản ngay sau khi nhận cuộc gọi, tin nhắn từ shipper",
        "https://kenh14.vn/cong-an-dac-biet-luu-y-nguoi-co-thoi-quen-chuyen-khoan-ngay-sau-khi-nhan-cuoc-goi-tin-nhan-tu-shipper-215251231101955039.chn",
    ),
    "cafef_5000": (
        "CafeF (theo Người Lao Động)",
        "Bẫy 5.000 đồng từ shipper giả mạo, nhiều người suýt sập bẫy",
        "https://cafef.vn/bay-5000-dong-tu-shipper-gia-mao-nhieu-nguoi-suyt-sap-bay-188251214132636164.chn",
    ),
    "cafef_shipper_noibo": (
        "CafeF",
        "Không còn hỏi tiền COD, lừa đảo shipper này dùng kịch bản mới khiến người nhận tự sập bẫy",
        "https://cafef.vn/khong-con-hoi-tien-cod-lua-dao-shipper-nay-dung-kich-ban-moi-khien-nguoi-nhan-tu-sap-bay-188251217061801226.chn",
    ),
    "cafef_xuatkho": (
        "CafeF (theo Vietnam Post)",
        "Thêm thủ đoạn lừa đảo mới, chưa từng xuất hiện liên quan đến ship hàng",
        "https://cafef.vn/them-thu-doan-lua-dao-moi-chua-tung-xuat-hien-lien-quan-den-ship-hang-188251027210127076.chn",
    ),
    "kenh14_shipper_qr": (
        "Kenh14 (theo Công an TP Hà Nội)",
        "Lừa đảo shipper giao hàng ngày càng tinh vi, công an chỉ rõ 5 điều phải nhớ kỹ",
        "https://kenh14.vn/lua-dao-shipper-giao-hang-ngay-cang-tinh-vi-cong-an-chi-ro-5-dieu-phai-nho-ky-215251017090456691.chn",
    ),
    "kienthuc_evn_laocai": (
        "Kiến Thức (theo Công ty Điện lực Lào Cai)",
        "Tuyệt đối không làm theo yêu cầu này nếu gặp đối tượng giả danh cán bộ điện lực",
        "https://vietnamdaily.kienthuc.net.vn/tuyet-doi-khong-lam-theo-yeu-cau-nay-neu-gap-doi-tuong-gia-danh-can-bo-dien-luc-post1555176.html",
    ),
    "kenh14_qr_dien": (
        "Kenh14 (theo Báo Đà Nẵng)",
        "Quét mã QR theo hướng dẫn từ số điện thoại lạ, người đàn ông kiểm tra tài khoản ngân hàng thì phát hiện bị trừ hơn 13 triệu",
        "https://kenh14.vn/quet-ma-qr-theo-huong-dan-tu-so-dien-thoai-0906221709-nguoi-dan-ong-kiem-tra-tai-khoan-ngan-hang-thi-phat-hien-bi-tru-hon-13-trieu-215250712230622774.chn",
    ),
    "plo_nuoc": (
        "Pháp Luật TP.HCM (theo SAWACO)",
        "Giả danh nhân viên ngành nước để lừa đảo",
        "https://plo.vn/gia-danh-nhan-vien-nganh-nuoc-de-lua-dao-post873807.html",
    ),
    "nld_haiquan": (
        "Người Lao Động (theo Chi cục Hải quan sân bay Tân Sơn Nhất)",
        "Cảnh báo nạn giả danh nhân viên hải quan sân bay lừa nhận tiền quà",
        "https://nld.com.vn/kinh-te/canh-bao-nan-gia-danh-nhan-vien-hai-quan-san-bay-lua-nhan-tien-qua-20180814141951156.htm",
    ),
    "plo_qua": (
        "Pháp Luật TP.HCM",
        "Bị lừa gần trăm triệu đồng qua Facebook",
        "https://plo.vn/bi-lua-gan-tram-trieu-dong-qua-facebook-post370143.html",
    ),
    "baophapluat_xe": (
        "Báo Pháp luật Việt Nam",
        "Cảnh báo lừa đảo từ thông tin 'Cục Hải quan thanh lý xe trốn thuế'",
        "https://m.baophapluat.vn/canh-bao-lua-dao-tu-thong-tin-cuc-hai-quan-thanh-ly-xe-tron-thue-post202377.html",
    ),
    "tienphong_chuthapdo": (
        "Tiền Phong (theo Công an tỉnh Bắc Ninh)",
        "Cảnh báo trò lừa đảo thông qua kêu gọi ủng hộ đồng bào bị lũ lụt",
        "https://tienphong.vn/canh-bao-tro-lua-dao-thong-qua-keu-goi-ung-ho-dong-bao-bi-lu-lut-post1786713.tpo",
    ),
    "soha_chuthapdo_qn": (
        "Soha (theo Sở TT&TT Quảng Ninh)",
        "Cảnh báo: Xuất hiện fanpage giả Hội Chữ thập đỏ Quảng Ninh kêu gọi từ thiện",
        "https://soha.vn/canh-bao-xuat-hien-fanpage-gia-hoi-chu-thap-do-quang-ninh-keu-goi-tu-thien-198240910150346393.htm",
    ),
    "thanhnien_tuthien": (
        "Thanh Niên (theo Bộ Chỉ huy quân sự tỉnh Lâm Đồng)",
        "Cuối năm, lừa đảo lại bùng phát",
        "https://thanhnien.vn/cuoi-nam-lua-dao-lai-bung-phat-185251128193511561.htm",
    ),
    "kenh14_cuutro": (
        "Kenh14",
        "Xuất hiện thủ đoạn lừa đảo trong mùa lũ, tuyệt đối lưu ý chi tiết này",
        "https://kenh14.vn/xuat-hien-thu-doan-lua-dao-trong-mua-lu-tuyet-doi-luu-y-chi-tiet-nay-215251010153419192.chn",
    ),
    "baogialai_tiktok": (
        "Báo Gia Lai",
        "Chiêu trò like video trên TikTok để kiếm tiền, hàng nghìn người sập bẫy lừa",
        "https://baogialai.com.vn/channel/1625/202011/chieu-tro-like-video-tren-tiktok-de-kiem-tien-hang-nghin-nguoi-sap-bay-lua-5711651/",
    ),
    "baotravinh_ctv": (
        "Báo Trà Vinh",
        "Mất tiền vì làm cộng tác viên mua bán hàng",
        "https://baotravinh.vn/an-ninh-quoc-phong/mat-tien-vi-lam-cong-tac-vien-mua-ban-hang-23302.html",
    ),
}

rows = []


def P(cat, src, text, kind="post", title="", nd=False, teen=None):
    rows.append(
        dict(label="scam", category=cat, kind=kind, title=title, text=text, source=src, nd=nd, teen=teen)
    )


def N(cat, text, kind="article", title="", nd=False, teen=None):
    rows.append(
        dict(label="ok", category=cat, kind=kind, title=title, text=text, source=None, nd=nd, teen=teen)
    )


# ---------------- positives ----------------
# fake VNeID / public-service apps and notices
P(
    "gov_app",
    "baolamdong_vneid",
    "Alo chị Thanh phải không ạ, em là cảnh sát khu vực của phường mới sau sáp nhập. Thông tin nơi cư trú của chị trên VNeID chưa được cập nhật, nếu hôm nay chị không cập nhật thì tài khoản định danh sẽ bị khóa. Em gửi đường link qua Zalo, chị bấm vào làm theo hướng dẫn giúp em nhé.",
    kind="comment",
    nd=True,
)
P(
    "gov_app",
    "cafef_dvc",
    "Công an phường thông báo: công dân cần khai báo lại thông tin thường trú trên Cổng dịch vụ công theo quy định mới từ 01/7. Tải ứng dụng tại dichvucong-quocgia.com/app và nộp lệ phí 22.000 đồng để hoàn tất, quá hạn sẽ bị xử phạt.",
    nd=True,
)
P(
    "gov_app",
    "cafef_bca_vneid",
    "Tôi là cán bộ công an xã, hồ sơ định danh điện tử mức 2 của anh bị lỗi. Anh không cần lên trụ sở, chỉ cần tải VNeID bản mới theo link vneid-bocongan.net rồi cho phép truy cập, quét khuôn mặt là xong.",
    kind="comment",
)
P(
    "gov_app",
    "dantoc_vncert",
    "Để được kích hoạt tài khoản định danh điện tử tại nhà, ông chụp ảnh chân dung và ảnh căn cước gửi qua Zalo số 0812 456 730, sau đó cài ứng dụng VNeID từ đường dẫn em gửi nhé, không phải ra công an đâu ạ.",
    kind="comment",
    nd=True,
)
P(
    "gov_app",
    "kienthuc_haiphong",
    "Anh ơi dữ liệu dân cư của anh chưa đồng bộ với VNeID. Nếu anh bận không ra trụ sở được thì em hướng dẫn đồng bộ online: anh cài phần mềm theo link em gửi, cho phép quét khuôn mặt, vân tay và nhập số điện thoại là được.",
    kind="comment",
    teen="a ơi dữ liệu dân cư của a chưa đồng bộ vs VNeID, a bận k ra trụ sở dc thì e hd đồng bộ online nha. a cài phần mềm theo link e gửi, cho quét mặt vs vân tay, nhập sđt là xong",
)
P(
    "gov_app",
    "baonghean_vneid",
    "[BỘ CÔNG AN] Do thay đổi địa giới hành chính, toàn bộ công dân bắt buộc xác nhận lại thông tin cá nhân trên VNeID trước 20h hôm nay để tránh bị khóa tài khoản định danh. Xác nhận tại: vneid-capnhat.info",
    nd=True,
)
P(
    "gov_app",
    "vov_vneid",
    "Cán bộ xã gọi báo ông bà chưa cập nhật quê quán mới trên VNeID. Ông bà cài ứng dụng VNeID theo đường link tôi gửi, rồi đọc mã OTP ngân hàng vừa nhận để xác minh chủ tài khoản.",
    kind="comment",
)
P(
    "gov_app",
    "tienphong_thue",
    "Chào chị, em là công chức Chi cục Thuế quận. Hộ kinh doanh của chị thuộc diện được hoàn thuế, chị tải ứng dụng eTax Mobile bản cập nhật theo link em gửi qua Zalo để kê khai nhận tiền hoàn thuế ạ.",
    kind="comment",
    nd=True,
)
P(
    "gov_app",
    "soha_thue_qn",
    "GIẤY MỜI: mời hộ kinh doanh đến trụ sở cơ quan thuế thực hiện tích hợp định danh điện tử và áp dụng chính sách giảm, hoàn thuế GTGT năm 2025. Nếu không đến được, liên hệ cán bộ Minh 0869 335 127 để được hỗ trợ làm thủ tục trực tuyến, cung cấp mã OTP để xác nhận hồ sơ.",
)
P(
    "gov_app",
    "kienthuc_thue",
    "Tổng cục Thuế: Quý khách có khoản hoàn thuế TNCN 3.450.000đ chưa nhận. Truy cập hoanthue-gdt.vn để cập nhật số tài khoản nhận tiền trong 24h.",
    nd=True,
)
P(
    "gov_app",
    "kenh14_bhxh",
    "THÔNG BÁO: Tài khoản hưởng lương hưu của bạn cần cập nhật thông tin. Truy cập ngay baohiemxahoi-vn.com để tiếp tục nhận lương. Không thực hiện trong 24h sẽ bị khóa.",
    nd=True,
)
P(
    "gov_app",
    "baophapluat_bhxh",
    "Dịch vụ hỗ trợ rút BHXH một lần, chốt sổ, thai sản nhanh trong 3 ngày, không cần chờ 1 năm. Nhắn tin fanpage, chuyển phí hồ sơ 1.500.000đ vào số tài khoản 0451 0007 8812 của cán bộ tư vấn để được xử lý ưu tiên.",
    teen="Hỗ trợ rút bhxh 1 lần, chốt sổ, thai sản siêu nhanh 3 ngày, k cần chờ 1 năm. Ib page, ck phí hồ sơ 1tr5 vào stk 0451 0007 8812 để dc xử lý ưu tiên nha",
)
P(
    "gov_app",
    "plo_bhxh",
    "GIẤY MỜI: BHXH tỉnh hỗ trợ 100% mức đóng bảo hiểm y tế. Ông/bà mang thẻ BHYT, căn cước và mã hồ sơ điện tử đến làm việc, phải tự đến, không nhờ người thay. Trước đó nộp phí xác minh hồ sơ 200.000đ vào số tài khoản ghi bên dưới.",
)
# refund-recovery
P(
    "recovery",
    "thanhnien_laylaitien",
    "HỖ TRỢ LẤY LẠI TIỀN BỊ LỪA ĐẢO QUA MẠNG. Luật sư và chuyên gia công nghệ truy vết số tài khoản, cam kết tiền về tài khoản sau 24 giờ. Phí trước 2 triệu, nhắn tin để được tư vấn.",
    nd=True,
    teen="hỗ trợ lấy lại tiền bị lừa qua mạng, ls + chuyên gia IT truy vết stk, cam kết tiền về tk sau 24h. phí trc 2tr, ib để dc tư vấn",
)
P(
    "recovery",
    "kenh14_laylaitien",
    "Nếu bạn muốn lấy lại số tiền của mình hãy liên hệ với tôi để được tư vấn cách giải quyết. Dịch vụ uy tín, đảm bảo thanh khoản trong ngày, thủ tục nhanh chóng và chi phí thấp. Zalo 0978 114 652.",
    kind="comment",
    nd=True,
)
P(
    "recovery",
    "antd_laylaitien",
    "Thu hồi tiền treo trên sàn thương mại điện tử, không cần cọc. Bên mình là tổ chuyên án phối hợp với công an, chỉ cần đóng phí mở khóa hồ sơ 3,5 triệu là tiền về tài khoản trong ngày.",
)
P(
    "recovery",
    "thanhnien_laylaitien",
    "Chị ơi em là nhân viên ngân hàng phụ trách tra soát, bên em đã tìm được dấu vết số tiền chị bị lừa. Để nhận lại, chị chuyển phí phong tỏa 4.800.000đ vào tài khoản 1903 5528 6641 Techcombank, chậm là đối tượng rút hết tiền đấy ạ.",
    kind="comment",
    nd=True,
)
# fake tours, tickets
P(
    "travel_ticket",
    "viettimes_tour",
    "Combo nghỉ dưỡng 3N2Đ resort 5 sao Phú Quốc chỉ 999.000đ/người, kèm buffet sáng. Số lượng có hạn, đặt cọc 50% qua số tài khoản cá nhân bên dưới để giữ phòng, hết hôm nay quay về giá gốc.",
    nd=True,
    teen="combo 3N2Đ resort 5* Phú Quốc chỉ 999k/ng kèm buffet sáng, sl có hạn. cọc 50% qua stk bên dưới để giữ phòng, hết hnay về giá gốc nha",
)
P(
    "travel_ticket",
    "cand_dulich",
    "Lệnh chuyển tiền của chị chưa ghi nội dung mã đặt phòng nên hệ thống chưa xác nhận. Chị chuyển lại 10.000.000đ đúng cú pháp, kế toán sẽ hoàn khoản trước cho chị trong 30 phút.",
    kind="comment",
    nd=True,
)
P(
    "travel_ticket",
    "ldcd_vemaybay",
    "Vé máy bay Tết Hà Nội – TP.HCM khứ hồi chỉ 1.290.000đ, vé hot giá hời số lượng có hạn. Chuyển khoản giữ chỗ ngay qua số tài khoản 8801 2233 4455 Vietinbank, xuất vé sau khi nhận cọc.",
    teen="vé mb Tết HN - SG khứ hồi chỉ 1tr290, vé hot giá hời sl có hạn. ck giữ chỗ liền qua stk 8801 2233 4455 Vietinbank, xuất vé sau khi nhận cọc",
)
P(
    "travel_ticket",
    "kienthuc_concert",
    "Mình có suất nội bộ ban tổ chức, nhận mua hộ vé concert Anh Trai Say Hi rẻ hơn giá gốc 30%, bảo đảm có vé. Cọc trước 50% qua số tài khoản, mình gửi code vé qua email trong ngày, ai chốt nhanh ưu tiên.",
    kind="comment",
    nd=True,
)
P(
    "travel_ticket",
    "cand_dulich",
    "Tour Đà Nẵng – Hội An 5N4Đ chỉ 3,2 triệu/người trọn gói vé máy bay và khách sạn 4 sao. Chỉ còn 3 suất cuối, chuyển cọc 6 triệu trong hôm nay để giữ chỗ, qua hôm nay hết ưu đãi.",
)
# crypto / forex
P(
    "invest_crypto",
    "dantri_tienao",
    "Cộng đồng đầu tư coin lợi nhuận 20-30%/tháng, bảo hiểm vốn 100%. Nạp tối thiểu 5 triệu, có chuyên gia hướng dẫn trong nhóm Telegram kín, nhắn tin admin để được thêm vào nhóm.",
    nd=True,
    teen="cộng đồng đầu tư coin lãi 20-30%/th, bảo hiểm vốn 100%. nạp tối thiểu 5tr, có cgia hd trong nhóm tele kín, ib ad để dc add vào nhóm",
)
P(
    "invest_crypto",
    "kienthuc_koi",
    "Em chuyển trước cho chị 18 triệu để chơi thử nè, chị nạp thêm 60 triệu vào ứng dụng là rút lãi được liền. Muốn lên tài khoản VIP 1 thì nạp 30.000 USDT, lãi gấp đôi.",
    kind="comment",
)
P(
    "invest_crypto",
    "cafef_tienao",
    "Đồng coin E. chắc chắn tăng giá gấp 4-5 lần trong tháng tới, uy tín 100%. Truy cập link để mua tích lũy ngay trước Tết, cơ hội có tiền tiêu thoải mái.",
    nd=True,
)
P(
    "invest_crypto",
    "vnn_forex",
    "Đầu tư ngoại hối cùng ban chuyên gia, lãi 1%/ngày, cam kết chỉ thắng không lỗ. Vốn tối thiểu 1.000 USD, ngồi chơi xơi nước nhận lãi hằng tháng. Liên hệ Zalo 0901 558 274.",
    nd=True,
)
P(
    "invest_crypto",
    "kienthuc_koi",
    "Tài khoản của anh đang âm do vào lệnh sai, để gỡ lại và rút được tiền anh phải nạp thêm 200 triệu trong 2 giờ tới, nếu không hệ thống sẽ thanh lý toàn bộ vốn.",
    kind="comment",
)
# deepfake / relative calls
P(
    "deepfake_relative",
    "suckhoe_deepfake",
    "Em đang cần chuyển tiền cho bạn em vào số tài khoản này 75 triệu đồng, chị chuyển giúp em trước, mai em gửi lại. Số tài khoản 0071 0004 5521 Vietcombank, tên NGUYEN VAN HAI.",
    kind="comment",
    nd=True,
)
P(
    "deepfake_relative",
    "docnhanh_deepfake",
    "Mày cho tao mượn 20 triệu để đáo hạn ngân hàng, gấp lắm. Tao đang ở vùng sóng yếu nên gọi video bị mờ, chuyển vào số tài khoản này giúp tao nha.",
    kind="comment",
    teen="m cho t mượn 20tr đáo hạn ngân hàng, gấp lắm. t đang ở chỗ sóng yếu nên gọi video bị mờ, ck vào stk này giúp t nha",
)
P(
    "deepfake_relative",
    "suckhoe_deepfake",
    "Bố ơi con đang du học bên này, trường báo phải đóng học phí gấp trước thứ Sáu không thì bị đình chỉ. Bố chuyển 120 triệu vào tài khoản của bạn con giúp con, đừng nói với mẹ nhé.",
    kind="comment",
    nd=True,
)
# fake delivery / COD
P(
    "delivery",
    "kenh14_shipper_laichau",
    "Chị ơi em giao hàng đến mà không gặp ai, em để đơn ở cổng rồi nha. Chị chuyển khoản tiền hàng 385.000đ vào số tài khoản này giúp em, em đang vội giao đơn Tết khác.",
    kind="comment",
    nd=True,
    teen="c ơi e giao hàng tới k gặp ai, e để đơn ở cổng r nha. c ck tiền hàng 385k vào stk này giúp e, e đang vội đi đơn Tết khác",
)
P(
    "delivery",
    "cafef_5000",
    "Chào chị, em bên bưu điện, chị có đơn hàng tài liệu từ ngân hàng. Phí ship ngân hàng đã trả, chị chỉ cần chuyển trước 5.000đ để in phiếu xuất kho. Không chuyển thì đơn bị lưu kho 15 ngày và số của chị bị đưa vào danh sách đen.",
    kind="comment",
    nd=True,
)
P(
    "delivery",
    "cafef_shipper_noibo",
    "Em xin lỗi chị, em lỡ chuyển nhầm đơn hàng vào tài khoản nội bộ của shipper nên hệ thống hiểu chị là nhân viên, mỗi tháng sẽ tự trừ 2.500.000đ. Chị gọi tổng đài hỗ trợ 0845 226 119 để hủy đăng ký gấp giúp em.",
    kind="comment",
)
P(
    "delivery",
    "cafef_xuatkho",
    "Bưu phẩm của quý khách đang chờ xuất kho. Vui lòng thanh toán phí xuất kho 25.000đ tại vnpost-giaohang.top để nhận hàng trong ngày.",
    nd=True,
)
P(
    "delivery",
    "kenh14_shipper_qr",
    "Chị chuyển nhầm số tài khoản rồi, để em hướng dẫn chị nhận lại tiền. Chị mở app ngân hàng quét mã QR em gửi là tiền hoàn về ngay, nhớ làm trong 10 phút kẻo lệnh bị hủy.",
    kind="comment",
)
# fake power / water staff
P(
    "utility",
    "kienthuc_evn_laocai",
    "Em là nhân viên chăm sóc khách hàng điện lực. Từ tháng 7 toàn bộ mã khách hàng cũ bị hủy, anh cần cài ứng dụng cập nhật mã mới theo link em gửi, nếu không sẽ không thanh toán được tiền điện và bị cắt điện.",
    kind="comment",
    nd=True,
)
P(
    "utility",
    "kenh14_qr_dien",
    "Anh ơi trên hệ thống báo nhà mình còn nợ tiền điện tháng 6. Anh kết bạn Zalo Trần Mỹ Anh, em gửi mã QR để anh thanh toán luôn, sau sáp nhập nhiều hộ chưa đóng nên phải xử lý gấp.",
    kind="comment",
    teen="a ơi hệ thống báo nhà mình còn nợ tiền điện th6, a kb zalo Trần Mỹ Anh e gửi mã QR a thanh toán luôn nha, sau sáp nhập nhiều hộ chưa đóng nên phải xử lý gấp",
)
P(
    "utility",
    "plo_nuoc",
    "Công ty cấp nước cần cập nhật lại hợp đồng nước của hộ gia đình. Anh kết bạn Zalo số 0357 889 410 và gửi ảnh căn cước, hóa đơn tiền nước để nhân viên cập nhật, chậm sẽ bị tạm ngưng cấp nước.",
    kind="comment",
    nd=True,
)
# romance / gift customs
P(
    "romance_gift",
    "nld_haiquan",
    "Tôi là nhân viên hải quan sân bay Tân Sơn Nhất. Bưu kiện từ Mỹ gửi cho chị có 500.000 USD và quà tặng, chị phải nộp phí thông quan 39 triệu vào tài khoản bên dưới trong hôm nay để nhận hàng.",
    kind="comment",
    nd=True,
)
P(
    "romance_gift",
    "plo_qua",
    "Em yêu, anh đã gửi cho em thùng quà 12,5kg gồm điện thoại, dây chuyền và 7.000 USD. Nhân viên sân bay sẽ gọi cho em, em chỉ cần nộp 750 USD lệ phí là nhận được trong 3 giờ.",
    kind="comment",
)
P(
    "romance_gift",
    "baophapluat_xe",
    "Cục Hải quan thanh lý xe trốn thuế: SH 150i nhập Ý 15 triệu, Wave 5 triệu, mới 100%. Đặt cọc 1,5 triệu bằng thẻ cào để giữ xe, giao toàn quốc.",
    nd=True,
)
# fake charity
P(
    "charity",
    "tienphong_chuthapdo",
    "Hội Chữ Thập Đỏ Việt Nam kêu gọi quyên góp ủng hộ đồng bào Cao Bằng vượt qua bão lũ. Mọi tấm lòng xin gửi về: Cty TNHH TPHD Hội Chữ Thập Đỏ, STK 4202 0395 18, MB Bank.",
    nd=True,
)
P(
    "charity",
    "soha_chuthapdo_qn",
    "Khẩn cấp: bà con vùng bão đang thiếu lương thực. Mọi đóng góp xin chuyển về tài khoản cá nhân của Trưởng ban Quản lý thảm họa, Trung ương Hội Chữ thập đỏ: 1027 6648 830 Vietinbank, ghi nội dung UNG HO BAO.",
    nd=True,
)
P(
    "charity",
    "thanhnien_tuthien",
    "Chúng tôi là lực lượng hỗ trợ quân đội đang vận chuyển nhu yếu phẩm vào vùng lũ, có hợp đồng và giấy ra vào doanh trại. Cần các nhà hảo tâm ủng hộ trước 5 triệu mua lương thực, chuyển vào số tài khoản cá nhân bên dưới.",
)
P(
    "charity",
    "kenh14_cuutro",
    "Bên mình nhận cung cấp đèn pin, áo phao cứu trợ vùng lũ giá rẻ, giao nhanh ưu tiên vùng ngập. Nhà hảo tâm chuyển cọc trước 50% để giữ hàng, hôm nay ai chốt sớm có hàng sớm.",
    teen="bên mk nhận cc đèn pin, áo phao cứu trợ vùng lũ giá rẻ, giao nhanh ưu tiên vùng ngập. nhà hảo tâm ck cọc trc 50% giữ hàng, hnay ai chốt sớm có hàng sớm",
)
# task-for-commission jobs
P(
    "task_job",
    "baogialai_tiktok",
    "Kiếm tiền online chỉ cần like video TikTok, thu nhập 300-500 nghìn mỗi ngày. Mua gói nhiệm vụ Bạch Kim 8.600.000đ để làm 68 nhiệm vụ/ngày, mời thêm người được hoa hồng.",
    nd=True,
)
P(
    "task_job",
    "baotravinh_ctv",
    "Bạn có muốn kiếm tiền qua mạng không? Tuyển cộng tác viên thanh toán đơn hàng tăng tương tác cho shop, hoàn tiền gốc kèm hoa hồng 10-15% ngay sau mỗi đơn. Kết bạn Zalo 0922 417 830 để nhận nhiệm vụ.",
    nd=True,
)
P(
    "task_job",
    "baotravinh_ctv",
    "Đơn thứ 4 của chị bị lỗi cú pháp nên hệ thống chưa hoàn tiền. Chị phải thanh toán thêm 2 đơn 14 triệu nữa để mở khóa, nếu không toàn bộ tiền gốc và hoa hồng sẽ bị mất.",
    kind="comment",
)

# ---------------- hard negatives ----------------
# real VNeID / public-service / tax / social-insurance notices
N(
    "gov_notice",
    "Công an xã Tân Phú thông báo: từ ngày 1/7, thông tin nơi cư trú sau sắp xếp đơn vị hành chính được hệ thống tự động cập nhật trên ứng dụng VNeID, người dân không phải làm thủ tục. Trường hợp thông tin chưa đúng, công dân mang căn cước đến trụ sở công an xã để được hướng dẫn.",
    nd=True,
)
N(
    "gov_notice",
    "Hướng dẫn nộp hồ sơ cấp đổi giấy phép lái xe trên Cổng dịch vụ công quốc gia: đăng nhập bằng tài khoản VNeID mức 2, chọn thủ tục, tải ảnh chân dung và thanh toán lệ phí 135.000 đồng trực tuyến qua cổng thanh toán của hệ thống.",
    nd=True,
)
N(
    "gov_notice",
    "Chỉ tải ứng dụng VNeID từ App Store hoặc CH Play, nhà phát triển là Trung tâm dữ liệu quốc gia về dân cư. Bộ Công an không gửi đường link cài đặt qua tin nhắn hay Zalo.",
    kind="post",
    nd=True,
)
N(
    "gov_notice",
    "UBND phường tổ chức đợt cao điểm kích hoạt tài khoản định danh điện tử tại nhà văn hóa khu phố 3 từ 8h đến 17h thứ Bảy và Chủ nhật này. Người dân mang theo căn cước và điện thoại có số thuê bao chính chủ.",
    kind="post",
)
N(
    "gov_notice",
    "Thuế cơ sở 2 thông báo: hộ kinh doanh tra cứu số thuế phải nộp quý IV trên ứng dụng eTax Mobile tải từ kho ứng dụng chính thức, hạn nộp là ngày 31/12. Mọi thắc mắc xin liên hệ bộ phận một cửa tại trụ sở.",
    kind="post",
    nd=True,
)
N(
    "gov_notice",
    "BHXH huyện thông báo chi trả lương hưu tháng 12 qua tài khoản ngân hàng từ ngày 5/12; người nhận bằng tiền mặt đến điểm chi trả tại bưu điện xã, mang theo căn cước.",
    kind="post",
    nd=True,
)
# real delivery messages
N(
    "delivery_real",
    "GHN: Đơn hàng GHN8472916 đang được giao đến bạn hôm nay. Shipper Tuấn sẽ liên hệ trước khi giao, vui lòng chuẩn bị 245.000đ tiền thu hộ. Theo dõi đơn trong ứng dụng GHN.",
    kind="post",
    nd=True,
)
N(
    "delivery_real",
    "Chị ơi em shipper Shopee, chiều nay khoảng 3 giờ em giao đơn đến, chị có nhà không ạ? Nếu chị không có nhà thì em hẹn giao lại ngày mai nha.",
    kind="comment",
    teen="c ơi e shipper shopee, chiều nay tầm 3h e giao đơn tới, c có nhà k ạ? k có nhà thì e hẹn giao lại mai nha",
)
N(
    "delivery_real",
    "Vietnam Post thông báo: bưu gửi EMS EB123456789VN đã đến bưu cục Hà Đông, bưu tá sẽ phát trong ngày. Quý khách tra cứu hành trình tại website chính thức của Bưu điện hoặc gọi tổng đài 1900 54 54 81.",
    kind="post",
)
N(
    "delivery_real",
    "Đơn hàng của bạn đã giao thành công. Nếu có vấn đề với sản phẩm, bạn có thể yêu cầu trả hàng/hoàn tiền trong ứng dụng trong vòng 15 ngày.",
    kind="post",
    nd=True,
)
# crypto price news and talk
N(
    "crypto_news",
    "Giá Bitcoin hôm nay giảm 3,2% xuống quanh 91.000 USD sau khi Cục Dự trữ liên bang Mỹ phát tín hiệu giữ lãi suất. Ethereum cũng mất hơn 4% trong 24 giờ, vốn hóa toàn thị trường tiền số lùi về 3.100 tỷ USD.",
    title="Giá Bitcoin giảm mạnh",
    nd=True,
)
N(
    "crypto_news",
    "Ngân hàng Nhà nước nhắc lại tiền ảo không phải phương tiện thanh toán hợp pháp tại Việt Nam. Chuyên gia khuyến nghị nhà đầu tư chỉ tham gia thị trường chứng khoán qua công ty chứng khoán được cấp phép.",
)
N(
    "crypto_news",
    "Quốc hội thông qua nghị quyết thí điểm thị trường tài sản mã hóa; các sàn giao dịch phải có vốn điều lệ tối thiểu 10.000 tỷ đồng và được Bộ Tài chính cấp phép trước khi hoạt động.",
    nd=True,
)
N(
    "crypto_news",
    "Tuần này coin đỏ lòm, mình cắt lỗ 30% rồi. Ai còn ôm thì cân nhắc nhé, đừng vay tiền đánh coin mọi người ơi.",
    kind="comment",
    teen="tuần này coin đỏ lòm, mk cắt lỗ 30% r. ai còn ôm thì cân nhắc nha, đừng vay tiền đánh coin mn ơi",
)
N(
    "crypto_news",
    "Quỹ mở trái phiếu công bố lợi nhuận năm 2024 đạt 7,4%; chứng chỉ quỹ được phân phối qua các đại lý được Ủy ban Chứng khoán Nhà nước cấp phép, nhà đầu tư có thể bán lại vào mỗi phiên giao dịch.",
)
# charity appeals through official accounts
N(
    "charity_real",
    "Ủy ban Trung ương MTTQ Việt Nam tiếp nhận ủng hộ đồng bào bị thiệt hại do bão số 10 qua tài khoản 1122 3344 5566 tại Kho bạc Nhà nước, chủ tài khoản Ban Cứu trợ Trung ương. Mọi khoản ủng hộ được công khai trên cổng thông tin của Mặt trận.",
    nd=True,
)
N(
    "charity_real",
    "Hội Chữ thập đỏ tỉnh kêu gọi các nhà hảo tâm chung tay hỗ trợ người dân vùng lũ. Tiền ủng hộ xin chuyển vào tài khoản của Hội Chữ thập đỏ tỉnh tại Vietcombank chi nhánh tỉnh; danh sách ủng hộ được cập nhật hằng ngày trên trang chính thức của Hội.",
    kind="post",
    nd=True,
)
N(
    "charity_real",
    "Trường THCS Nguyễn Du phát động quyên góp sách vở, quần áo cho học sinh vùng lũ. Phụ huynh gửi đồ qua giáo viên chủ nhiệm trước ngày 30/11.",
    kind="post",
)
N(
    "charity_real",
    "Cảm ơn các nhà hảo tâm đã ủng hộ 1,2 tỷ đồng cho bà con xã Phú Lương. Ban vận động đã trao tận tay 240 hộ, sao kê chi tiết đăng trên trang của UBND xã.",
    kind="post",
    teen="cảm ơn các nhà hảo tâm đã ủng hộ 1,2 tỷ cho bà con xã Phú Lương. ban vận động đã trao tận tay 240 hộ, sao kê chi tiết đăng trên trang UBND xã nha",
)
# travel agencies, airlines, ticketing
N(
    "travel_real",
    "Vietravel mở bán tour Tết Đà Lạt 4N3Đ giá từ 5.990.000đ/khách, gồm vé máy bay và khách sạn 4 sao. Đặt tour tại văn phòng công ty hoặc website chính thức, thanh toán bằng thẻ hoặc chuyển khoản về tài khoản công ty.",
    kind="post",
    nd=True,
)
N(
    "travel_real",
    "Vietnam Airlines tăng 120 chuyến bay dịp Tết Nguyên đán; vé được bán trên website, ứng dụng, phòng vé và đại lý chính thức của hãng.",
    nd=True,
)
N(
    "travel_real",
    "Nhà mình vừa đi Phú Quốc về, ở resort 3 đêm hết 9 triệu cho 4 người, đặt qua ứng dụng đặt phòng quen, khá ổn. Ai cần kinh nghiệm thì hỏi mình nhé.",
    kind="comment",
    teen="nhà mk vừa đi Phú Quốc về, ở resort 3 đêm hết 9tr cho 4 ng, đặt qua app quen, khá ổn. ai cần kinh nghiệm thì hỏi mk nhaa",
)
N(
    "travel_real",
    "Ban tổ chức thông báo vé concert chỉ được bán qua nền tảng Ticketbox; vé mua lại qua mạng xã hội sẽ không được bảo đảm quyền vào cửa.",
    kind="post",
)
# police / agency warnings that quote a new scam
N(
    "warning_news",
    "Công an tỉnh cảnh báo thủ đoạn giả danh shipper: đối tượng gọi báo đã để hàng ở cổng, yêu cầu chuyển khoản tiền COD vào tài khoản cá nhân. Người dân chỉ thanh toán khi đã trực tiếp nhận và kiểm tra hàng.",
    nd=True,
)
N(
    "warning_news",
    "Phòng An ninh mạng cảnh báo: kẻ gian tự xưng cảnh sát khu vực, gọi điện yêu cầu cập nhật cư trú trên VNeID kèm đường link lạ, dọa khóa tài khoản định danh. Công an không bao giờ yêu cầu cài ứng dụng qua đường link.",
    nd=True,
)
N(
    "warning_news",
    "Nhiều nạn nhân bị lừa lần hai khi tìm đến các nhóm 'lấy lại tiền bị lừa' trên Facebook. Các đối tượng tự xưng luật sư, yêu cầu đóng phí trước rồi chặn liên lạc. Công an khuyến cáo chỉ trình báo tại cơ quan công an.",
)
N(
    "warning_news",
    "Cục An toàn thông tin ghi nhận thủ đoạn dùng deepfake giả mặt người thân gọi video vay tiền; hình ảnh thường mờ, chập chờn và cuộc gọi rất ngắn. Hãy gọi lại bằng số điện thoại quen thuộc trước khi chuyển tiền.",
    nd=True,
)
N(
    "warning_news",
    "Hội Chữ thập đỏ Việt Nam khẳng định không có tài khoản nào mang tên 'Cty TNHH TPHD Hội Chữ Thập Đỏ' và đề nghị người dân không chuyển tiền theo các trang giả mạo.",
)
N(
    "warning_news",
    "Tòa án nhân dân tỉnh xét xử nhóm bị cáo lừa đảo đầu tư tiền ảo qua Telegram, chiếm đoạt 21 tỷ đồng của 300 bị hại; các bị cáo hứa lợi nhuận 30%/tháng để dụ người tham gia nạp tiền.",
)
N(
    "warning_news",
    "Cảnh giác bẫy du lịch giá rẻ mùa hè: fanpage giả resort đăng combo 999.000đ, yêu cầu đặt cọc 50% rồi chặn liên lạc. Du khách nên kiểm tra kỹ tên miền và chỉ chuyển tiền vào tài khoản doanh nghiệp.",
    nd=True,
)
# real power / water notices
N(
    "utility_real",
    "Điện lực thông báo tạm ngừng cấp điện từ 7h30 đến 16h ngày 3/12 tại thôn Đông, thôn Tây để bảo dưỡng đường dây. Mong quý khách hàng thông cảm.",
    kind="post",
    nd=True,
)
N(
    "utility_real",
    "EVNHANOI: Hóa đơn tiền điện kỳ 1 tháng 11 của khách hàng mã PD0100xxxxxx là 612.540đ. Quý khách thanh toán qua ứng dụng EVNHANOI hoặc ngân hàng, ví điện tử liên kết trước ngày 20/11.",
    kind="post",
    nd=True,
)
N(
    "utility_real",
    "Công ty cấp nước thông báo giảm áp lực nước khu vực phường 4 từ 22h ngày 5/12 đến 4h ngày 6/12 để đấu nối tuyến ống mới.",
    kind="post",
)
# everyday money talk, customs rules, bank advice, job ads
N(
    "personal",
    "Chị ơi tiền học thêm tháng này của bé là 800 nghìn, chị chuyển khoản cho cô hoặc gửi tiền mặt qua bé đều được ạ.",
    kind="comment",
    teen="c ơi tiền học thêm tháng này của bé là 800k, c ck cho cô hoặc gửi tiền mặt qua bé đều dc ạ",
)
N(
    "personal",
    "Mẹ ơi con vừa nhận học bổng kỳ này 10 triệu, con gửi về cho mẹ 3 triệu sửa mái nhà nhé.",
    kind="comment",
    nd=True,
)
N(
    "personal",
    "Lớp mình góp tiền mừng cưới bạn Hùng mỗi người 500 nghìn, ai chưa chuyển thì chuyển cho lớp trưởng trước thứ Bảy nha.",
    kind="comment",
    teen="lớp mk góp tiền mừng cưới Hùng mỗi ng 500k, ai chưa ck thì ck cho lớp trưởng trc t7 nha",
)
N(
    "personal",
    "Anh ơi bộ bàn ghế em đặt hôm qua giao chưa ạ, em chuyển cọc 1 triệu rồi, còn lại em trả khi nhận hàng.",
    kind="comment",
)
N(
    "gov_notice",
    "Cục Hải quan hướng dẫn: quà biếu từ nước ngoài trị giá dưới 2 triệu đồng được miễn thuế; người nhận làm thủ tục tại chi cục hải quan hoặc ủy quyền cho doanh nghiệp chuyển phát nhanh có giấy phép.",
)
N(
    "bank_notice",
    "Nếu lỡ chuyển tiền cho kẻ lừa đảo, hãy gọi ngay hotline ngân hàng để yêu cầu tra soát và phong tỏa tài khoản nhận, sau đó trình báo công an nơi gần nhất. Ngân hàng không thu phí cho việc tra soát này.",
    kind="post",
    nd=True,
)
N(
    "classified",
    "Siêu thị tuyển nhân viên bán hàng ca tối, lương 6-7 triệu/tháng, không thu bất kỳ khoản phí nào. Ứng viên nộp hồ sơ trực tiếp tại quầy dịch vụ khách hàng.",
    kind="post",
)


def nd(t):
    return strip_diacritics(t).lower() if t else t


out = []
counter = {"scam": 0, "ok": 0}
for r in rows:
    r = dict(r)
    want_nd, teen_text = r.pop("nd"), r.pop("teen")
    counter[r["label"]] += 1
    base_id = f"{'fs' if r['label'] == 'scam' else 'fn'}{counter[r['label']]:03d}"
    if r["source"]:
        pub, title, url = S[r["source"]]
        r["source"] = {"publisher": pub, "title": title, "url": url}
    out.append({"id": base_id, **r, "variant": "plain"})
    if want_nd:
        out.append(
            {
                "id": base_id + "-nd",
                **r,
                "title": nd(r["title"]),
                "text": nd(r["text"]),
                "variant": "no_diacritics",
            }
        )
    if teen_text:
        out.append({"id": base_id + "-tc", **r, "text": teen_text, "variant": "teencode"})
keys = ["id", "label", "category", "kind", "title", "text", "variant", "source"]
with open(Path(__file__).with_name("scam_fresh.jsonl"), "w", encoding="utf-8") as fh:
    for o in out:
        fh.write(json.dumps({k: o[k] for k in keys}, ensure_ascii=False) + "\n")
print(
    len(out),
    collections.Counter(o["label"] for o in out),
    collections.Counter((o["label"], o["variant"]) for o in out),
)
