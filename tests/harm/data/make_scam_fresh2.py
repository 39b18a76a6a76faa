"""Build tests/harm/data/scam_fresh2.jsonl: a third labelled set for the scam rules, never seen by them.

Written on 27 Nov 2026 by a helper who had NOT read src/tinhhinh/data/scam_rules.yaml's patterns nor
tests/harm/test_scam.py, and committed before the set was scored, so that the first score of rules
2026.11.27-3 on it is a clean measurement (issue #7 item 1). Positives paraphrase scam messages described
in published police / bank / ministry / press warnings whose URLs are in neither scam_set.jsonl nor
scam_fresh.jsonl (test_scam.py checks this); they favour kinds the earlier sets lack (SIM upgrade, fake
e-commerce refunds and shipper "wrong order", fake scholarships / study abroad, land and project
deposits, court summons, lottery / Vietlott fees, bank reward points, electricity bill refunds, labour
export and job fees, loan "disbursement" fees, homestay / resort deposits, hacked-friend loans, fake tax
invitations, fake charity pages, gift-customs, stock / crypto "expert" groups). Phone and account numbers
are invented. Many are typed the way such messages really look: without marks or in teencode.
Negatives are hard ones of new kinds: real bank OTP / balance SMS, real parcel notices, school fee
notices, job and collaborator ads with no fee, real charity appeals, neighbourhood group chats about
money, news about scam arrests quoting the scam, real carrier / utility / tax / scholarship notices.
Run: PYTHONPATH=src python tests/harm/data/make_scam_fresh2.py
"""

from pathlib import Path

from scamsets import ScamSet

S = {
    "antoan360_sim": (
        "antoan360.com",
        "Nạn nhân mất trắng tài khoản ngân hàng sau khi nâng cấp SIM 3G lên 5G",
        "https://antoan360.com/2025/03/31/nan-nhan-mat-trang-tai-khoan-ngan-hang-sau-khi-nang-cap-sim-3g-len-5g",
    ),
    "dientungaynay_sim": (
        "Điện tử Ngày nay (theo Cục Cạnh tranh và Bảo vệ người tiêu dùng)",
        "Cảnh báo chiêu trò lừa đảo đổi SIM 4G qua điện thoại",
        "https://dientungaynay.vn/bao-mat/canh-bao-chieu-tro-lua-dao-doi-sim-4g-qua-dien-thoai",
    ),
    "thitruong_5g": (
        "Thị trường Hàng hóa",
        "Rộ chiêu lừa đảo nâng cấp sim, nhờ chuyển tiền",
        "https://www.thitruonghanghoa.com/tin-tuc/ro-chieu-lua-dao-nang-cap-sim-nho-chuyen-tienicon-195286.html",
    ),
    "kenh14_shopee": (
        "Kenh14 (theo Shopee)",
        "Shopee phát cảnh báo khẩn: 8 lằn ranh đỏ người dùng tuyệt đối không được vi phạm",
        "https://kenh14.vn/shopee-phat-canh-bao-khan-8-lan-ranh-do-nguoi-dung-tuyet-doi-khong-duoc-vi-pham-1-giay-so-ho-la-mat-sach-tien-215251115161953162.chn",
    ),
    "kenh14_shipper_tet": (
        "Kenh14",
        "Gần Tết, lừa đảo shipper tung kịch bản chưa từng có trước đây",
        "https://kenh14.vn/gan-tet-lua-dao-shipper-tung-kich-ban-chua-tung-co-truoc-day-nguoi-nghe-tu-roi-vao-bay-chi-sau-vai-phut-215251217150223999.chn",
    ),
    "ghn_shipper": (
        "Giao Hàng Nhanh (GHN)",
        "Cảnh giác thủ đoạn shipper lừa đảo và 7 cách phòng tránh",
        "https://ghn.vn/blogs/thong-tin-giao-hang/canh-giac-thu-doan-shipper-lua-dao",
    ),
    "congan_tiktokshop": (
        "Báo Công an TP.HCM",
        "Cẩn trọng khi nhận hàng và chuyển tiền",
        "https://congan.com.vn/vu-an/canh-giac/can-trong-khi-nhan-hang-va-chuyen-tien_167772.html",
    ),
    "tienphong_hocbong": (
        "Tiền Phong (theo Trường ĐH Cửu Long)",
        "Giả thông báo 'học bổng toàn phần' tại Nhật để lừa đảo",
        "https://tienphong.vn/gia-thong-bao-hoc-bong-toan-phan-tai-nhat-de-lua-dao-post1784212.tpo",
    ),
    "baonghean_hocbong": (
        "Báo Nghệ An (theo Trường ĐH Vinh)",
        "Cảnh báo lừa đảo cấp học bổng cho sinh viên du học quốc tế",
        "https://baonghean.vn/canh-bao-lua-dao-cap-hoc-bong-cho-sinh-vien-du-hoc-quoc-te-10307617.html",
    ),
    "kienthuc_moet": (
        "Kiến Thức (theo Cục Hợp tác quốc tế, Bộ GD&ĐT)",
        "Bộ GD&ĐT cảnh báo thông tin giả mạo lừa đảo về học bổng, tài trợ du học",
        "https://kienthuc.net.vn/bo-gddt-canh-bao-thong-tin-gia-mao-lua-dao-ve-hoc-bong-tai-tro-du-hoc-post1570077.html",
    ),
    "plvcs_ielts": (
        "Pháp luật và Cuộc sống (theo Bộ GD&ĐT)",
        "Bộ GD&ĐT cảnh báo thủ đoạn giả mạo học bổng tiếng Anh để lừa đảo",
        "https://phapluatvacuocsong.vn/bo-gddt-canh-bao-thu-doan-gia-mao-hoc-bong-tieng-anh-de-lua-dao-a84974.html",
    ),
    "dnvn_danang_hocbong": (
        "Doanh nghiệp Việt Nam (theo Công an Đà Nẵng)",
        "Cảnh báo chiêu trò lừa đảo học bổng du học tinh vi tại Đà Nẵng",
        "https://doanhnghiepvn.vn/tu-van-phap-luat/canh-bao-chieu-tro-lua-dao-hoc-bong-du-hoc-tinh-vi-tai-da-nang/20250509050641905",
    ),
    "vietnamvn_hocbong": (
        "vietnam.vn",
        "Cảnh báo thủ đoạn lừa đảo tuyển sinh, trao học bổng",
        "https://www.vietnam.vn/canh-bao-thu-doan-lua-dao-tuyen-sinh-trao-hoc-bong",
    ),
    "cafef_lamdong_dat": (
        "CafeF (theo Công an tỉnh Lâm Đồng)",
        "Công an phát đi cảnh báo quan trọng đến người mua bán đất",
        "https://cafef.vn/cong-an-phat-di-canh-bao-quan-trong-den-nguoi-mua-ban-dat-188250822211859553.chn",
    ),
    "vneconomy_dat": (
        "VnEconomy (theo Công an Lâm Đồng, Nghệ An)",
        "Địa phương cảnh báo lừa đảo đất đai với nhiều thủ đoạn tinh vi",
        "https://vneconomy.vn/dia-phuong-canh-bao-lua-dao-dat-dai-voi-nhieu-thu-doan-tinh-vi.htm",
    ),
    "cafef_khanhhoa_bds": (
        "CafeF (theo Công an tỉnh Khánh Hòa)",
        "Công an khuyến cáo người dân tuyệt đối không chuyển tiền đặt cọc giữ chỗ đối với các dự án bất động sản này",
        "https://cafef.vn/cong-an-khuyen-cao-nguoi-dan-tuyet-doi-khong-chuyen-tien-dat-coc-giu-cho-doi-voi-cac-du-an-bat-dong-san-nay-188251127112141267.chn",
    ),
    "kienthuc_toaan": (
        "Kiến Thức",
        "Sau cú điện thoại, thiếu phụ rút tiền chuyển cho kẻ lừa đảo",
        "https://kienthuc.net.vn/di-dong-thiet-bi/sau-cu-dien-thoai-thieu-phu-rut-tien-chuyen-cho-ke-lua-dao-1267567.html",
    ),
    "soha_longan_tientreo": (
        "Soha (theo Công an Long An)",
        "Công an cảnh báo thủ đoạn lừa đảo cũ 'lộng hành' trở lại",
        "https://soha.vn/cong-an-canh-bao-thu-doan-lua-dao-cu-long-hanh-tro-lai-198250522142111194.htm",
    ),
    "soha_vietlott": (
        "Soha (theo Vietlott)",
        "Vietlott liên tục cảnh báo khẩn về khoản phí lạ",
        "https://soha.vn/vietlott-lien-tuc-canh-bao-khan-ve-khoan-phi-la-cang-cuoi-nam-nguoi-choi-cang-can-trong-198251222182523419.htm",
    ),
    "thanhnien_tiendien": (
        "Thanh Niên (theo Cục An toàn thông tin)",
        "Đừng tin trò lừa đảo yêu cầu thanh toán tiền điện",
        "https://thanhnien.vn/dung-tin-tro-lua-dao-yeu-cau-thanh-toan-tien-dien-185250109111833084.htm",
    ),
    "plo_hoantiendien": (
        "PLO (theo Tổng công ty Điện lực miền Nam)",
        "Đầu năm 2026, người dùng nên biết điều này để tránh mất tiền oan uổng",
        "https://plo.vn/ky-nguyen-so/dau-nam-2026-nguoi-dung-nen-biet-dieu-nay-de-tranh-mat-tien-oan-uong-post889532.html",
    ),
    "hht_evn_qr": (
        "Hoa Học Trò – Tiền Phong (theo Công an TP Sơn La)",
        "Mạo danh EVN yêu cầu quét mã xác nhận đóng tiền điện, lừa hàng trăm triệu đồng",
        "https://hoahoctro.tienphong.vn/mao-danh-evn-yeu-cau-quet-ma-xac-nhan-dong-tien-dien-lua-hang-tram-trieu-dong-post1698094.tpo",
    ),
    "xuctien_xkld": (
        "Xúc tiến Doanh nghiệp",
        "Trắng tay vì bẫy lừa đảo xuất khẩu lao động",
        "https://xuctiendoanhnghiep.vn/phap-luat/trang-tay-vi-bay-lua-dao-xuat-khau-lao-dong.html",
    ),
    "nld_vieclam_tet": (
        "Người Lao Động (theo Trung tâm Dịch vụ việc làm TP.HCM)",
        "Việc nhẹ lương cao: Cái bẫy quen dịp cận Tết",
        "https://nld.com.vn/viec-nhe-luong-cao-cai-bay-quen-dip-can-tet-196260116190101787.htm",
    ),
    "scamshield_job": (
        "Scam Shield",
        "Lừa đảo việc làm",
        "https://www.scam-shield.app/chong-lua-dao/hieu-ve-cac-loai-lua-dao/lua-dao-viec-lam",
    ),
    "kinhtedothi_vay": (
        "Kinh tế & Đô thị (theo Công an TP Hà Nội)",
        "Cảnh báo lừa đảo vay tiền qua mạng",
        "https://kinhtedothi.vn/canh-bao-lua-dao-vay-tien-qua-mang-675903.html",
    ),
    "cafef_laocai_vay": (
        "CafeF (theo Báo Lào Cai)",
        "Tải app để vay tiền, đang làm thủ tục vay thì được báo 'thao tác sai'",
        "https://cafef.vn/tai-app-de-vay-tien-dang-lam-thu-tuc-vay-thi-duoc-bao-thao-tac-sai-thanh-nien-sinh-nam-1992-lap-tuc-ngung-giao-dich-va-bao-cong-an-188251215171400983.chn",
    ),
    "vietnamnet_vay": (
        "VietNamNet (theo Công an Hà Nội)",
        "Nhận diện thủ đoạn lừa đảo qua internet: cạm bẫy vay tiền online",
        "https://vietnamnet.vn/nhan-dien-thu-doan-lua-dao-qua-internet-cam-bay-vay-tien-online-2034539.html",
    ),
    "thanhnien_homestay": (
        "Thanh Niên",
        "Bẫy lừa đảo đặt phòng homestay giăng bủa vây dịp cuối năm",
        "https://thanhnien.vn/bay-lua-dao-dat-phong-homestay-gia-bua-vay-dip-cuoi-nam-185251225124808652.htm",
    ),
    "baomoi_combo": (
        "Báo Mới",
        "Lật tẩy chiêu trò 'combo nghỉ dưỡng giá rẻ': mất tiền, mất luôn kỳ nghỉ",
        "https://baomoi.net.vn/lat-tay-chieu-tro-combo-nghi-duong-gia-re-mat-tien-mat-luon-ky-nghi-c52664770.epi",
    ),
    "soha_lamdong_zalo": (
        "Soha (theo Công an tỉnh Lâm Đồng)",
        "Một thủ đoạn lừa đảo trên Zalo, Messenger mà ai cũng có thể thành nạn nhân",
        "https://soha.vn/mot-thu-doan-lua-dao-tren-zalo-messenger-ma-ai-cung-co-the-thanh-nan-nhan-19825102822362799.htm",
    ),
    "bnews_deepfake": (
        "BNEWS (theo Công an TP Hà Nội)",
        "Cảnh giác khi nhận tin nhắn, cuộc gọi video vay, mượn tiền qua mạng xã hội",
        "https://bnews.vn/canh-giac-khi-nhan-tin-nhan-cuoc-goi-video-vay-muon-tien-qua-mang-xa-hoi/286156.html",
    ),
    "kienthuc_congai": (
        "Kiến Thức (theo Công an TP Hà Nội)",
        "Mất luôn nửa tỷ đồng vì tin nhắn 'con gái cần tiền gấp'",
        "https://kienthuc.net.vn/mat-luon-nua-ty-dong-vi-tin-nhan-con-gai-can-tien-gap-post1548532.html",
    ),
    "phunu_fbgia": (
        "Phụ nữ và Gia đình (theo Lao Động)",
        "Cảnh báo chiêu trò lập Facebook giả mạo bạn thân để lừa đảo tiền",
        "https://www.phunuvagiadinh.vn/xa-hoi-168/canh-bao-chieu-tro-lap-facebook-gia-mao-ban-than-e-lua-ao-tien-754934",
    ),
    "plo_giaymoi_thue": (
        "PLO (theo Thuế tỉnh Quảng Ngãi)",
        "Thủ đoạn lừa đảo mới: gửi giấy mời giả cơ quan thuế đến doanh nghiệp",
        "https://plo.vn/thu-doan-lua-dao-moi-gui-giay-moi-gia-co-quan-thue-den-doanh-nghiep-post881554.html",
    ),
    "baophutho_thue": (
        "Báo Phú Thọ",
        "Cảnh báo thủ đoạn mạo danh cán bộ thuế, giăng bẫy hộ kinh doanh cá thể",
        "https://baophutho.vn/canh-bao-thu-doan-mao-danh-can-bo-thue-giang-bay-ho-kinh-doanh-ca-the-237342.htm",
    ),
    "vietbao_thue": (
        "Việt Báo (theo Cục Thuế)",
        "Lại xuất hiện thủ đoạn lừa đảo mới trên không gian mạng, công dân cần cảnh giác",
        "https://vietbao.vn/lai-xuat-hien-thu-doan-lua-dao-moi-tren-khong-gian-mang-cong-dan-can-canh-giac-de-phong-563086.html",
    ),
    "cafef_hn_tuthien": (
        "CafeF (theo Công an TP Hà Nội)",
        "Công an Hà Nội cảnh báo thủ đoạn lừa đảo cũ xuất hiện trở lại",
        "https://cafef.vn/cong-an-ha-noi-canh-bao-thu-doan-lua-dao-cu-xuat-hien-tro-lai-188251022163700272.chn",
    ),
    "thoidai_tuthien": (
        "Thời Đại (theo UBND tỉnh Phú Thọ)",
        "Cần cảnh giác với những lời kêu gọi quyên góp ủng hộ đồng bào lũ lụt",
        "https://thoidai.com.vn/can-canh-giac-voi-nhung-loi-keu-goi-quyen-gop-ung-ho-dong-bao-lu-lut-204731.html",
    ),
    "baohaiduong_tuthien": (
        "Báo Hải Dương",
        "Lợi dụng kêu gọi ủng hộ miền Trung để lừa đảo",
        "http://baohaiduong.vn/y-kien/loi-dung-keu-goi-ung-ho-mien-trung-de-lua-dao-150077",
    ),
    "znews_sanbay": (
        "Znews (theo Trung tâm An ninh hàng không Nội Bài)",
        "Giả nhân viên sân bay lừa tiền",
        "https://znews.vn/gia-nhan-vien-san-bay-lua-tien-post608420.html",
    ),
    "baophapluat_quatay": (
        "Báo Pháp luật Việt Nam",
        "Bỗng dưng được 'trai Tây' tặng quà, chưa kịp mừng đã tá hỏa bị lừa cả trăm triệu",
        "https://m.baophapluat.vn/bong-dung-duoc-trai-tay-tang-qua-chua-kip-mung-da-ten-to-bi-lua-ca-tram-trieu-post245074.html",
    ),
    "cafef_hn_chungkhoan": (
        "CafeF (theo Công an TP Hà Nội)",
        "Công an TP Hà Nội cảnh báo lừa đảo kêu gọi đầu tư chứng khoán qua các quỹ nước ngoài",
        "https://cafef.vn/cong-an-tp-ha-noi-canh-bao-lua-dao-keu-goi-dau-tu-chung-khoan-qua-cac-quy-nuoc-ngoai-188250116120713674.chn",
    ),
    "baobacgiang_ai": (
        "Báo Bắc Giang",
        "Đầu tư tài chính trên sàn giao dịch ảo: nguy cơ bị chiếm đoạt tài sản",
        "https://baobacgiang.vn/dau-tu-tai-chinh-tren-san-giao-dich-ao-nguy-co-bi-chiem-doat-tai-san-084925.bbg",
    ),
    "thanhnien_chungkhoan": (
        "Thanh Niên",
        "Ma trận đầu tư chứng khoán, tiền ảo bủa vây người dân",
        "https://thanhnien.vn/ma-tran-dau-tu-chung-khoan-tien-ao-bua-vay-nguoi-dan-185240918224152162.htm",
    ),
    "cafef_viethung": (
        "CafeF (theo Công an phường Việt Hưng, Hà Nội)",
        "Nhận cuộc gọi này thì phải tắt máy ngay nếu không muốn mất tiền trong tài khoản",
        "https://cafef.vn/nhan-cuoc-goi-nay-thi-phai-tat-may-ngay-neu-khong-muon-mat-tien-trong-tai-khoan-188251224173539629.chn",
    ),
    "kienthuc_7ty": (
        "Kiến Thức (theo Công an TP Hà Nội)",
        "Nghe cuộc gọi giả danh công an, nam sinh mất hơn 7 tỷ đồng",
        "https://kienthuc.net.vn/nghe-cuoc-goi-gia-danh-cong-an-nam-sinh-mat-hon-7-ty-dong-post1550769.html",
    ),
    "vietnamnet_vks": (
        "VietNamNet",
        "Khi nỗi sợ hãi trở thành 'mảnh đất màu mỡ' cho bọn lừa đảo tung chiêu",
        "https://vietnamnet.vn/vn/thoi-su/khi-noi-so-hai-tro-thanh-manh-dat-mau-mo-cho-bon-lua-dao-tung-chieu-819853.html",
    ),
    "kenh14_danang_thue": (
        "Kenh14 (theo Công an TP Đà Nẵng)",
        "Sau khi nghe cuộc gọi này, 4 thanh niên 9x, 2000 đồng loạt chuyển khoản",
        "https://kenh14.vn/sau-khi-nghe-cuoc-goi-nay-4-thanh-nien-9x-2000-dong-loat-chuyen-khoan-tong-so-tien-len-den-4-ty-dong-cong-an-vao-cuoc-dieu-tra-21525070318160532.chn",
    ),
    "soha_diemthuong": (
        "Soha (theo Công an tỉnh Quảng Ngãi)",
        "Công an thông báo tới tất cả những ai nhận được tin nhắn có nội dung này",
        "https://soha.vn/cong-an-thong-bao-toi-tat-ca-nhung-ai-nhan-duoc-tin-nhan-co-noi-dung-nay-198250831004946004.htm",
    ),
    "kenh14_vcb_diem": (
        "Kenh14 (theo Công an TP Hà Nội, Vietcombank)",
        "Vietcombank cảnh báo về 1 tin nhắn",
        "https://kenh14.vn/vietcombank-canh-bao-ve-1-tin-nhan-215251101124807151.chn",
    ),
    "nld_doidiem": (
        "Người Lao Động (theo Công an TP.HCM)",
        "Xuất hiện chiêu lừa đổi điểm thưởng",
        "https://nld.com.vn/xuat-hien-chieu-lua-doi-diem-thuong-196250825202327491.htm",
    ),
    "baolongan_bienlai": (
        "Báo Long An",
        "Cảnh giác chiêu lừa giả mạo biên lai chuyển tiền",
        "https://baolongan.vn/canh-giac-chieu-lua-gia-mao-bien-lai-chuyen-tien-a160324.html",
    ),
}

SET = ScamSet(S)
P, N = SET.P, SET.N

# ---------------- positives ----------------
# SIM upgrade / carrier
P(
    "sim_upgrade",
    "antoan360_sim",
    "Nhà mạng thông báo: SIM 3G của quý khách sẽ bị khóa sau 24h do không còn hỗ trợ. Để nâng cấp miễn phí lên SIM 5G, quý khách soạn tin theo cú pháp nhân viên hướng dẫn và đọc lại mã gửi về máy. Liên hệ tổng đài viên 0867 215 904.",
    nd=True,
)
P(
    "sim_upgrade",
    "dientungaynay_sim",
    "Chào chị, em bên VinaPhone, do dịch bệnh nên bên em đổi SIM 4G từ xa miễn phí cho khách, không cần ra cửa hàng. Nếu không đổi trong hôm nay thì từ tháng sau số của chị không gọi được nữa. Chị soạn giúp em tin nhắn theo cú pháp em đọc rồi gửi đến 901 nha.",
)
P(
    "sim_upgrade",
    "thitruong_5g",
    "Quy khach duoc tang goi cuoc 5G uu dai 60GB/thang mien phi 6 thang. De kich hoat vui long soan tin theo cu phap nhan vien gui qua Zalo va doc ma xac nhan cho nhan vien. Uu dai chi ap dung den het ngay hom nay.",
    variant="no_diacritics",
)
# fake e-commerce refunds, shipper "wrong order"
P(
    "ecommerce_refund",
    "kenh14_shopee",
    "Shopee thông báo: đơn hàng #250911VN của bạn bị lỗi thanh toán và sẽ được hoàn 1.250.000đ. Vui lòng bấm vào link shopee-hoantien.top để xác nhận thông tin tài khoản ngân hàng và nhập mã OTP nhận hoàn tiền trong 30 phút.",
    nd=True,
)
P(
    "ecommerce_refund",
    "kenh14_shipper_tet",
    "Dạ em chào anh, em là shipper giao đơn hôm qua ạ. Bên em lỡ chuyển nhầm đơn của anh vào tài khoản nội bộ nhân viên nên hệ thống sẽ tự trừ 2.990.000đ mỗi tháng của anh. Anh liên hệ tổng đài xử lý sự cố 0339 520 817 để hủy đăng ký giúp em kẻo bị trừ tiền nha anh.",
    teen="a oi e la shipper giao don hqua a, ben e lo chuyen nham don cua a vao tk noi bo nv nen he thong se tu tru 2tr990 moi thang. a goi tong dai xu ly su co 0339520817 de huy dk giup e ko bi tru tien nha",
)
P(
    "ecommerce_refund",
    "ghn_shipper",
    "Shipper đây chị ơi, đơn của chị đến nơi rồi mà em đang kẹt đơn khác không quay lại được, chị chuyển khoản trước 385k tiền hàng vào STK 1903 6624 8801 Techcombank NGUYEN VAN TOAN giúp em, em gửi bảo vệ tòa nhà rồi chị xuống lấy nha.",
    nd=True,
)
P(
    "ecommerce_refund",
    "congan_tiktokshop",
    "sale sập sàn móc khóa pop mart chính hãng còn 320k, ck 1 lần full bill giảm thêm, freeship toàn quốc. chỉ còn 5 con, ai chốt ib shop gửi stk ngay, không nhận cod nha",
    kind="post",
)
# fake scholarships / study abroad
P(
    "scholarship",
    "tienphong_hocbong",
    "THÔNG BÁO: Chương trình giao lưu sinh viên tại Nhật Bản năm 2025, toàn bộ chi phí do phía bạn đài thọ, chỉ còn 30 suất. Sinh viên đăng ký nộp hồ sơ kèm sao kê điện tử tài khoản tối thiểu 250 triệu đồng trước thứ Sáu để được xét duyệt. Liên hệ Phòng Hợp tác quốc tế qua Zalo 0915 336 720.",
    kind="post",
    nd=True,
)
P(
    "scholarship",
    "baonghean_hocbong",
    "Chúc mừng em đã trúng tuyển chương trình trao đổi sinh viên với Đại học Yale, Chính phủ Mỹ tài trợ 100% vé máy bay, học phí và sinh hoạt phí. Để hoàn tất hồ sơ, gia đình cần chuyển 250 triệu vào tài khoản nhà trường chỉ định để chứng minh tài chính, số tiền sẽ được hoàn lại sau khi có visa.",
)
P(
    "scholarship",
    "kienthuc_moet",
    "Cuc Hop tac quoc te - Bo GD&DT thong bao: sinh vien du dieu kien tham gia chuong trinh trao doi tai Trung Quoc 3 thang, tai tro 100%. Yeu cau chuan bi sao ke so du toi thieu 14.886 USD (380 trieu dong), chuyen vao tai khoan ky quy cua chuong trinh truoc ngay 30 de giu suat.",
    kind="post",
    variant="no_diacritics",
)
P(
    "scholarship",
    "plvcs_ielts",
    "QUỸ HỌC BỔNG TIẾNG ANH do Bộ GD&ĐT phối hợp Đại học DePaul hỗ trợ 80% học phí IELTS, TOEIC. Đăng ký xét duyệt tại link hocbong-moet.site, đăng nhập tài khoản ngân hàng để nhận học bổng, số lượng có hạn!",
    kind="post",
)
P(
    "scholarship",
    "dnvn_danang_hocbong",
    "Con chào bác, con là cán bộ Phòng Hợp tác quốc tế của trường. Hồ sơ học bổng Úc của em nhà đang xếp thứ 3 danh sách chờ, nếu trong chiều nay gia đình chưa chuyển phí xét hồ sơ 45 triệu thì suất sẽ chuyển sang bạn khác ạ.",
    nd=True,
)
P(
    "scholarship",
    "vietnamvn_hocbong",
    "em oi chuc mung em trung tuyen hoc bong trao doi sv voi dh Kyungnam Han Quoc nha, full hoc phi + nha o, lam them 13.000 won/h. gd em can chung minh tai chinh so du 250tr, em gui anh stk + anh chup the ngan hang de ben anh lam ho so luon nhe",
    variant="no_diacritics",
)
# land / real-estate deposits
P(
    "land_deposit",
    "cafef_lamdong_dat",
    "Chính chủ cần bán gấp lô đất 150m2 sổ đỏ riêng, giá rẻ hơn thị trường 300 triệu vì đang cần tiền. Ai thiện chí đặt cọc ngay 50 triệu qua chuyển khoản để giữ lô, em gửi ảnh sổ đỏ và hợp đồng cọc qua Zalo 0976 113 450, hôm nay có người khác hỏi rồi.",
    kind="post",
    nd=True,
)
P(
    "land_deposit",
    "vneconomy_dat",
    "Alo bác Tư hả, cháu là cán bộ địa chính xã. Do thay đổi địa giới hành chính nên sổ đỏ của bác phải làm lại, bác nộp lệ phí cấp đổi 3.500.000đ vào số tài khoản cháu gửi qua tin nhắn thì cuối tuần có sổ mới, không thì sổ cũ hết hiệu lực.",
)
P(
    "land_deposit",
    "cafef_khanhhoa_bds",
    "🔥 SUẤT NỘI BỘ dự án khu đô thị ven biển, sở hữu lâu dài, chiết khấu 12%. Chỉ 30 căn, nhận Phiếu đặt chỗ thiện chí 50tr/căn, chuyển khoản giữ chỗ online ngay hôm nay. Inbox em gửi thông tin tài khoản công ty.",
    kind="post",
    teen="suat noi bo kdt ven bien, so huu lau dai ck 12%, chi 30 can. nhan phieu dat cho thien chi 50tr/can, ck giu cho online trong hnay thoi, ib e gui stk cty nha",
)
# police / court / procuracy
P(
    "police_court",
    "kienthuc_toaan",
    "Đây là Tòa án nhân dân TP Hà Nội. Chị đã được gửi giấy triệu tập 2 lần liên quan đường dây rửa tiền và ma túy. Trước 16h30 hôm nay chị phải có mặt, nếu không sẽ bị bắt giam. Để phục vụ điều tra chị chuyển tiền tiết kiệm vào tài khoản tạm giữ của tòa, xong vụ án sẽ hoàn trả.",
    nd=True,
)
P(
    "police_court",
    "soha_longan_tientreo",
    "Chào anh, em là nhân viên ví điện tử. Tài khoản anh có một khoản tiền treo 12.400.000đ do giao dịch lỗi chưa hoàn tất. Nếu không xử lý hôm nay anh có thể liên quan tiếp tay rửa tiền. Anh tải ứng dụng kiểm tra tài khoản qua link em gửi và làm theo hướng dẫn của luật sư bên em.",
)
P(
    "police_court",
    "cafef_viethung",
    "Bà có liên quan đến một vụ án rửa tiền đang điều tra. Bà phải chuyển 50 triệu vào tài khoản kiểm tra để xác minh, nếu không có vi phạm sẽ hoàn trả đầy đủ. Việc này tuyệt đối giữ bí mật, không được nói với con cháu.",
    teen="ba lien quan vu an rua tien dang dieu tra. ba ck 50tr vao tk kiem tra de xac minh, ko vi pham se hoan tra. giu bi mat tuyet doi ko dc noi vs con chau nghe chua",
)
P(
    "police_court",
    "kienthuc_7ty",
    "Cán bộ điều tra đây, thông tin căn cước của em đang liên quan vụ án do công an Hải Phòng thụ lý. Em gọi về nhà báo được học bổng du học để bố mẹ chuyển tiền chứng minh tài chính, rồi chuyển sang tài khoản bên anh kiểm tra, xong sẽ hoàn lại. Không được cúp máy.",
    nd=True,
)
P(
    "police_court",
    "vietnamnet_vks",
    "Bưu điện Hà Nội thông báo: chị có bưu phẩm là lệnh triệu tập của Viện kiểm sát do ngân hàng khởi kiện khoản nợ 45 triệu. Bấm phím 9 để nối máy với cán bộ công an giải đáp, nếu không phản hồi hồ sơ sẽ chuyển sang truy tố.",
)
# lottery / prizes
P(
    "lottery_prize",
    "soha_vietlott",
    "VIETLOTT CHÚC MỪNG: vé của quý khách trúng giải 3 tỷ 200 triệu trong buổi livestream xổ số cào tối qua. Để nhận thưởng quý khách vui lòng chuyển trước thuế thu nhập 10% và phí xác minh tài khoản qua inbox fanpage. Quá 24h giải thưởng sẽ bị hủy.",
    kind="post",
    nd=True,
)
P(
    "lottery_prize",
    "soha_vietlott",
    "chuc mung ban da trung jackpot mega 6/45!! tai app vietlott sms ban moi tai link vietlott-sms.app de nhan thuong, nap phi kich hoat 500k la rut duoc tien ve tk ngay",
    variant="no_diacritics",
)
# bank reward points
P(
    "bank_points",
    "kenh14_vcb_diem",
    "Vietcombank: Quý khách hiện có 18.237 điểm thưởng, đủ đổi iPhone 15 128GB miễn phí. Điểm thưởng sắp hết hạn, vui lòng đổi trước tại https://vcb-doidiem.vip",
    nd=True,
)
P(
    "bank_points",
    "soha_diemthuong",
    "[BIDV] Diem thuong tich luy cua Quy khach se het han vao 23:59 hom nay. Truy cap bidv-uudai.click de doi qua tri gia 2.000.000d, dang nhap tai khoan va nhap ma OTP de xac nhan.",
    variant="no_diacritics",
)
P(
    "bank_points",
    "nld_doidiem",
    "Kính gửi khách hàng, điểm tích lũy của quý khách có thể quy đổi thành 3.500.000đ tiền mặt. Vui lòng cài ứng dụng Đổi Điểm theo link gửi kèm, nhập số thẻ và mã OTP để nhận tiền về tài khoản trong 5 phút.",
)
# electricity / water bills
P(
    "utility_bill",
    "thanhnien_tiendien",
    "DIEN LUC THONG BAO: Hoa don tien dien thang 11 cua quy khach da qua han, so tien no 2.184.000d. De tranh bi cat dien vao 17h hom nay, vui long thanh toan ngay qua Zalo 0937 602 118 hoac chuyen khoan theo thong tin nhan vien cung cap.",
    variant="no_diacritics",
)
P(
    "utility_bill",
    "plo_hoantiendien",
    "EVNSPC thông báo: do sai sót chỉ số công tơ, hóa đơn kỳ trước của quý khách được điều chỉnh và hoàn lại 420.000đ. Quý khách vui lòng xác nhận trong 2 giờ tại evnspc-hoantien.com, nhập thông tin tài khoản ngân hàng và mã OTP để nhận hoàn tiền.",
    nd=True,
)
P(
    "utility_bill",
    "hht_evn_qr",
    "Anh ơi bên em điện lực, hệ thống báo anh chưa đóng tiền điện. Nếu anh đóng rồi thì anh quét mã QR em gửi qua Zalo, ấn giữ 2 giây để lưu rồi nhập OTP và quét khuôn mặt để hệ thống xác nhận, không thì mai bị cắt điện.",
    teen="a oi ben e dien luc, he thong bao a chua dong tien dien. a dong roi thi quet ma QR e gui qua zalo, an giu 2s luu lai r nhap otp + quet khuon mat de he thong xac nhan nha, ko mai bi cat dien",
)
# job for fee / labour export / collaborators
P(
    "job_fee",
    "xuctien_xkld",
    "Tuyển 20 lao động đi Hàn Quốc làm nông nghiệp thời vụ, lương 40-50 triệu/tháng, SUẤT NỘI BỘ không qua trung gian. Nộp trước 40 triệu giữ chỗ, hồ sơ bay trong 2 tháng. Liên hệ Zalo chị Hằng 0918 447 202, hết suất là phải đợi năm sau.",
    kind="post",
    nd=True,
)
P(
    "job_fee",
    "nld_vieclam_tet",
    "VIỆC NHẸ LƯƠNG CAO DỊP TẾT: đóng gói hàng tại nhà, thu nhập 500k-1tr/ngày, nhận việc ngay không cần kinh nghiệm. Đóng phí hồ sơ 350k và cọc đồng phục 200k là đi làm luôn, ib mình gửi stk.",
    kind="post",
    teen="viec nhe luong cao dip tet: dong goi hang tai nha, tn 500k-1tr/ngay, nhan viec lien ko can kn. dong phi hs 350k + coc dong phuc 200k la di lam luon, ib mk gui stk nha",
)
P(
    "job_fee",
    "scamshield_job",
    "Tuyen gap 10 ban nhap lieu online tai nha, tra luong theo san pham 300k/gio. Can mua phan mem ho tro 499k truoc khi nhan viec, lam 2 ngay la hoan von. Lien he Telegram @nhaplieu_hr",
    kind="post",
    variant="no_diacritics",
)
P(
    "job_fee",
    "scamshield_job",
    "Chào bạn, hồ sơ ứng tuyển nhân viên kho của bạn đã được duyệt. Để nhận việc bạn vui lòng chuyển 600.000đ mua bảo hiểm lao động bắt buộc vào tài khoản 0561 0003 77215 Vietcombank trước 17h, sau giờ này hệ thống sẽ tự hủy hồ sơ.",
)
# loans with fees
P(
    "loan_fee",
    "kinhtedothi_vay",
    "Hồ sơ vay 30 triệu của anh đã được duyệt. Để giải ngân anh vui lòng chuyển phí bảo lãnh ngân hàng 6.500.000đ vào tài khoản em gửi, tiền phí sẽ được cộng lại vào khoản vay ngay sau khi giải ngân.",
    nd=True,
)
P(
    "loan_fee",
    "cafef_laocai_vay",
    "He thong bao anh thao tac sai so tai khoan nhan tien nen khoan vay dang bi dong bang. Anh chuyen 18 trieu de hoan tat ho so va mo khoa, sau 15 phut se giai ngan ca goc lan phi ve tai khoan anh.",
    variant="no_diacritics",
)
P(
    "loan_fee",
    "vietnamnet_vay",
    "Vay tiền dễ dàng, giải ngân trong ngày, nợ xấu vẫn vay được tới 200 triệu. Chỉ cần CCCD, không thẩm định. Đóng phí kích hoạt gói vay 10% là nhận tiền luôn, inbox em tư vấn.",
    kind="post",
    teen="vay tien de dang, giai ngan trong ngay, no xau van vay dc toi 200tr. chi can cccd ko tham dinh. dong phi kich hoat goi vay 10% la nhan tien lien, ib e tu van nha",
)
# travel: homestay / resort deposits
P(
    "travel_booking",
    "thanhnien_homestay",
    "Dạ homestay bên em chỉ còn 1 căn duy nhất cuối tuần này thôi ạ, chị chuyển cọc 50% là 1.800.000đ để giữ phòng hôm nay nhé. Chị ghi nội dung đúng mã đặt phòng, ghi sai hệ thống không nhận sẽ phải chuyển lại ạ.",
    nd=True,
)
P(
    "travel_booking",
    "baomoi_combo",
    "Combo 4N3Đ resort 5 sao Mũi Né cho 7 người chỉ 8.550.000đ, miễn phí xe đưa đón. Anh chị đặt cọc 50% vào tài khoản công ty, nội dung ghi sai cú pháp thì bên em hoàn lại sau khi anh chị chuyển lại đúng cú pháp nha.",
    kind="post",
)
P(
    "travel_booking",
    "thanhnien_homestay",
    "c oi ban nay c ck coc chua ghi noi dung nen he thong ko nhan dc, c chuyen lai 1tr8 dung cu phap MOON29O giup e, e hoan lai lan truoc cho c trong 5p nha",
    variant="teencode",
)
# hacked-friend loans
P(
    "hacked_friend",
    "soha_lamdong_zalo",
    "TK còn tiền không cho mượn 10 triệu, 1h chiều trả",
    teen="tk con tien ko cho muon 10tr, 1h chieu tra",
)
P(
    "hacked_friend",
    "soha_lamdong_zalo",
    "Có đứa cháu thi tiếng Anh cần chú nhắn một like cho cháu, chú bấm vào link rồi gửi giúp cháu cái mã vừa về máy nhé.",
)
P(
    "hacked_friend",
    "phunu_fbgia",
    "Tao đây, dùng nick phụ vì không muốn vợ biết, đang giận nhau. Mày gọi cho thằng Linh hỏi vay giùm tao 20 triệu, nó chuyển vào tài khoản mày thì mày chuyển sang số tài khoản này giúp tao, mai tao trả đủ.",
    nd=True,
)
# deepfake / relative abroad
P(
    "deepfake_relative",
    "kienthuc_congai",
    "Mẹ ơi con đây, app ngân hàng bên này đang bảo trì, mẹ chuyển hộ con 40 triệu vào tài khoản này để con trả tiền hàng gấp, tối con chuyển lại mẹ. Mẹ đừng gọi, con đang họp.",
    nd=True,
)
P(
    "deepfake_relative",
    "bnews_deepfake",
    "Chị ơi em bên Úc đây, em đang cần 75 triệu gấp để đóng tiền nhà, chị chuyển giúp em vào số tài khoản này nhé. Mạng bên này yếu nên video call chập chờn, em gọi lại sau.",
    teen="c oi e ben uc day, e dang can 75tr gap de dong tien nha, c ck giup e vao stk nay nhe. mang yeu nen vd call chap chon, e goi lai sau",
)
# tax
P(
    "tax_business",
    "plo_giaymoi_thue",
    "GIẤY MỜI: Cơ quan Thuế mời hộ kinh doanh đến làm thủ tục giảm thuế GTGT và hoàn thuế TNCN năm 2025, mang theo CCCD, giấy phép kinh doanh và mã xác nhận hồ sơ trên eTax Mobile. Trường hợp không đến được, liên hệ cán bộ 0886 430 125 để được hỗ trợ trực tuyến qua Zalo.",
    kind="post",
    nd=True,
)
P(
    "tax_business",
    "baophutho_thue",
    "Chị ơi em cán bộ Chi cục Thuế khu vực 1 đây, hộ kinh doanh homestay nhà mình phải chuyển đổi mô hình từ 1/6. Em hỗ trợ đăng ký doanh nghiệp luôn qua điện thoại, chị tải ứng dụng em gửi qua Zalo, đọc mã OTP cho em là xong.",
)
P(
    "tax_business",
    "vietbao_thue",
    "Tong cuc Thue thong bao: ho so quyet toan thue TNCN cua ban co khoan hoan thue 1.560.000d. Vui long truy cap hoanthue-gdt.com cap nhat thong tin tai khoan ngan hang truoc 48h, qua han khoan hoan se bi huy.",
    variant="no_diacritics",
)
P(
    "tax_business",
    "kenh14_danang_thue",
    "Anh ơi em cán bộ thuế thành phố, hồ sơ mở công ty của anh chưa chứng minh vốn điều lệ. Anh chuyển 500 triệu vào tài khoản đứng tên anh rồi cài app thuế em gửi để em kiểm tra số dư, xong trong hôm nay ạ.",
)
# fake charity
P(
    "charity",
    "cafef_hn_tuthien",
    "MẶT TRẬN TỔ QUỐC KÊU GỌI ỦNG HỘ ĐỒNG BÀO VÙNG LŨ. Mọi tấm lòng xin chuyển về STK 8800 1357 2468 MB Bank, chủ tài khoản TRAN VAN HUNG (trưởng ban cứu trợ). Bà con cần gấp trong đêm nay, xin chia sẻ rộng rãi 🙏",
    kind="post",
    nd=True,
)
P(
    "charity",
    "thoidai_tuthien",
    "Ủy ban MTTQ huyện kêu gọi nhà hảo tâm giúp đỡ các gia đình nạn nhân vụ sập cầu. Xin chuyển khoản trực tiếp vào tài khoản cá nhân cán bộ phụ trách để kịp hỗ trợ: 1024 5567 8890 Vietinbank NGUYEN THI LAN.",
    kind="post",
)
P(
    "charity",
    "baohaiduong_tuthien",
    "thuy tien day ca nha oi, mien trung dang ngap nang lam, ai ung ho duoc bao nhieu thi ck vao tk LE THI NGAN 0491 0002 6635 giup minh nha, minh se gui tan tay ba con",
    kind="post",
    variant="no_diacritics",
)
P(
    "charity",
    "cafef_hn_tuthien",
    "UBND xã thông báo: hộ gia đình bị ảnh hưởng bởi lũ được nhận hỗ trợ 5 triệu đồng. Vui lòng quét mã QR hoặc truy cập link hotro-baolu.online, điền số tài khoản và mã OTP để nhận tiền trước ngày 30.",
)
# romance / gift customs
P(
    "romance_gift",
    "znews_sanbay",
    "Chào chị, em bên công ty giao nhận ở sân bay Nội Bài. Anh George ở Manchester gửi chị một kiện quà, chị đóng phí thuế hải quan 11.215.000đ vào tài khoản công ty thì chiều nay em giao tận nhà ạ.",
    nd=True,
)
P(
    "romance_gift",
    "baophapluat_quatay",
    "Kien hang ban trai chi gui co kem 50.000 USD tien mat nen bi phat vi pham quy dinh chuyen tien. Chi phai nop tien phat 129 trieu trong hom nay, neu khong kien hang se bi tich thu va chi bi truy cuu trach nhiem.",
    variant="no_diacritics",
)
# investment / stock / crypto
P(
    "invest_crypto",
    "cafef_hn_chungkhoan",
    "Chào anh, em là chuyên viên quỹ đầu tư nước ngoài hợp tác với SSI. Nhóm VIP bên em đang copytrade lãi 5-8%/ngày, không cần kiến thức, anh chỉ cần nạp tiền ủy thác vào tài khoản quỹ, chuyên gia sẽ giao dịch thay. Hôm nay còn 3 suất.",
    nd=True,
)
P(
    "invest_crypto",
    "baobacgiang_ai",
    "AI TRÍ TUỆ NHÂN TẠO SỐ 1 THẾ GIỚI ĐÃ CÓ MẶT TẠI VIỆT NAM 🤖 Điểm danh mỗi ngày cũng có tiền. Nạp lần đầu từ 2 triệu, lãi 3%/ngày, giới thiệu 5 thành viên tặng ngay 1 triệu. Đăng ký qua link dưới bình luận!",
    kind="post",
    teen="AI tri tue nhan tao so 1 tg da co mat tai VN, diem danh moi ngay cung co tien. nap lan dau tu 2tr lai 3%/ngay, gioi thieu 5 tv tang lien 1tr. dk qua link duoi cmt nha",
)
P(
    "invest_crypto",
    "thanhnien_chungkhoan",
    "Room VIP khuyến nghị siêu cổ tăng trưởng: tuần này nhóm đã chốt lời 40%. Anh chị vào nhóm Telegram theo link, mở tài khoản trên sàn quốc tế của nhóm và nạp tối thiểu 20 triệu để nhận mã khuyến nghị, cam kết hoàn vốn nếu lỗ.",
    kind="post",
)
# fake transfer receipt (scam against sellers)
P(
    "fake_receipt",
    "baolongan_bienlai",
    "Chị ơi em là cán bộ bên phòng tài vụ, đặt 20 suất tiệc tối nay. Em nhờ chị đặt giúp 20 chai rượu vang bên cửa hàng xuất nhập khẩu quen của em, chị chuyển trước cho họ, em đã chuyển khoản cho chị cả tiền tiệc lẫn tiền rượu rồi đây, chị xem ảnh biên lai nhé.",
    nd=True,
)

# ---------------- hard negatives ----------------
# real bank OTP / balance SMS
N(
    "bank_sms",
    "Vietcombank: Ma OTP cua Quy khach la 482913, dung de xac thuc giao dich chuyen tien 2.000.000 VND. Tuyet doi KHONG cung cap ma OTP cho bat ky ai, ke ca nhan vien ngan hang.",
    kind="comment",
    variant="no_diacritics",
)
N(
    "bank_sms",
    "TK 1903xxxx8801 +5.000.000VND luc 09:12 27/11. SD: 12.450.300VND. ND: NGUYEN VAN A chuyen tien hoc phi",
    kind="comment",
    variant="no_diacritics",
)
N(
    "bank_sms",
    "Agribank thông báo: Từ 01/01/2026 khách hàng cần cập nhật sinh trắc học trực tiếp tại ứng dụng Agribank Plus hoặc tại quầy giao dịch. Agribank không gửi đường link, không gọi điện yêu cầu cung cấp mã OTP.",
    kind="comment",
    nd=True,
)
N(
    "bank_sms",
    "BIDV: Giao dich the 9704xxxx1234 so tien 350.000 VND tai CIRCLE K luc 21:05. Neu khong phai Quy khach thuc hien, vui long goi 1900 9247.",
    kind="comment",
    variant="no_diacritics",
)
N(
    "bank_sms",
    "Mã xác thực Shopee của bạn là 771204. Có hiệu lực trong 5 phút. Không chia sẻ mã này với bất kỳ ai, kể cả nhân viên Shopee.",
    kind="comment",
)
# real parcel / delivery notices
N(
    "delivery_real",
    "GHN: Don hang GHN8H2K7 cua ban dang duoc giao, shipper Tuan 0909xxx se lien he. Vui long chuan bi 245.000d tien thu ho (COD) khi nhan hang. Khong chuyen khoan truoc cho bat ky ai.",
    kind="comment",
    variant="no_diacritics",
)
N(
    "delivery_real",
    "Bưu điện Việt Nam: Bưu gửi EB123456789VN đã đến bưu cục Tân Phú. Quý khách vui lòng mang CCCD đến nhận trong 7 ngày làm việc, bưu điện không thu thêm bất kỳ khoản phí nào.",
    kind="comment",
)
N(
    "delivery_real",
    "chi oi e shipper, e toi cong nha chi roi, chi xuong lay hang giup e nha, don 185k chi tra tien mat hay ck khi nhan hang deu dc a",
    kind="comment",
    variant="no_diacritics",
)
N(
    "delivery_real",
    "Đơn hàng #240915ABC đã được giao thành công. Nếu có vấn đề, bạn có thể yêu cầu trả hàng/hoàn tiền trong ứng dụng trong vòng 15 ngày.",
    kind="comment",
)
# school fee notices
N(
    "school_fee",
    "Kính gửi quý phụ huynh lớp 5A: học phí bán trú tháng 12 là 1.250.000đ, nhà trường thu qua hệ thống SSC hoặc tại phòng kế toán đến hết ngày 10/12. Giáo viên chủ nhiệm không thu tiền mặt và không nhận chuyển khoản cá nhân.",
    nd=True,
)
N(
    "school_fee",
    "Thong bao cua Truong DH: sinh vien nop hoc phi hoc ky 2 qua cong thanh toan cua truong hoac ngan hang BIDV, han cuoi 15/1. Nha truong khong uy quyen cho ca nhan nao thu hoc phi.",
    variant="no_diacritics",
)
N(
    "school_fee",
    "Trường THCS thông báo danh sách 12 học sinh được nhận học bổng khuyến học học kỳ I, mỗi suất 1 triệu đồng, trao trực tiếp tại lễ chào cờ thứ Hai.",
)
N(
    "school_fee",
    "Thông báo học bổng KOICA 2026 dành cho cán bộ trẻ: hồ sơ nộp trực tiếp qua cổng tuyển sinh của trường đối tác, miễn phí đăng ký. Ứng viên tham khảo hướng dẫn tại trang chính thức của Bộ GD&ĐT.",
)
# job ads / collaborator recruitment with no fee
N(
    "job_real",
    "Cửa hàng tiện lợi tuyển 3 nhân viên bán hàng part-time, 25.000đ/giờ, làm ca linh động. Không thu phí, không đặt cọc, ứng viên đến trực tiếp cửa hàng phỏng vấn.",
    nd=True,
)
N(
    "job_real",
    "tuyen ctv ban my pham online, hoa hong 15% tren moi don, khong can von, khong dong phi, hang ship COD truc tiep tu kho cong ty. ib minh de duoc huong dan",
    variant="no_diacritics",
)
N(
    "job_real",
    "Trung tâm Dịch vụ việc làm tỉnh tổ chức phiên giao dịch việc làm ngày 5/12, hơn 1.200 vị trí, người lao động tham gia miễn phí. Chương trình đi làm việc tại Hàn Quốc theo EPS chỉ đăng ký qua Trung tâm Lao động ngoài nước.",
)
N(
    "job_real",
    "Công ty may tuyển 50 công nhân, lương cơ bản 6,2 triệu + tăng ca, có xe đưa đón, đóng BHXH đầy đủ. Hồ sơ nộp tại phòng nhân sự, không qua môi giới.",
)
N(
    "job_real",
    "Bên mình tuyển cộng tác viên viết bài cho fanpage du lịch, nhuận bút 150k/bài, thanh toán cuối tháng. Gửi 2 bài viết mẫu qua email, không yêu cầu bất kỳ khoản phí nào.",
)
# real charity appeals
N(
    "charity_real",
    "Hội Chữ thập đỏ tỉnh tiếp nhận ủng hộ đồng bào vùng lũ qua tài khoản mang tên Hội Chữ thập đỏ tỉnh tại Vietcombank; danh sách ủng hộ được công khai hằng ngày trên trang thông tin điện tử của Hội.",
    kind="article",
    nd=True,
)
N(
    "charity_real",
    "Ủy ban MTTQ Việt Nam phường thông báo kết quả tiếp nhận ủng hộ đồng bào bị bão lũ: tổng cộng 312 triệu đồng, đã chuyển toàn bộ về Ban Cứu trợ Trung ương, sao kê niêm yết tại trụ sở.",
    kind="article",
)
N(
    "charity_real",
    "Chi đoàn thôn tổ chức quyên góp quần áo, sách vở cũ cho học sinh vùng cao, nhận đồ tại nhà văn hóa thôn từ thứ Bảy đến Chủ nhật, không nhận tiền mặt.",
)
N(
    "charity_real",
    "ung ho ba con vung lu qua tai khoan chinh thuc cua Mat tran To quoc Viet Nam, ca nha dung chuyen vao tai khoan ca nhan nao nhe, nhieu trang gia lam",
    variant="no_diacritics",
)
# neighbourhood group chats about money
N(
    "neighbour_chat",
    "Tổ dân phố 7 thông báo: thu quỹ vệ sinh môi trường quý IV là 60.000đ/hộ, tổ trưởng đi thu tận nhà và có biên lai. Bà con nộp trước ngày 15/12 giúp tổ nhé.",
    kind="comment",
    nd=True,
)
N(
    "neighbour_chat",
    "Cả nhà ơi tối nay họp tổ bàn tiền làm đường bê tông ngõ 12, mỗi hộ dự kiến góp 1,5 triệu, ai có ý kiến thì đến nhà văn hóa 19h30 nhé.",
    kind="comment",
)
N(
    "neighbour_chat",
    "chi Hoa oi thang nay e dong tien ho 2tr roi nha, e ck vao tk chi luc sang, chi check giup e voi",
    kind="comment",
    variant="no_diacritics",
)
N(
    "neighbour_chat",
    "Ai mất con mèo mướp đeo vòng đỏ ở đầu ngõ 5 thì liên hệ mình nhé, mình đang giữ giúp, không lấy tiền đâu ạ 😄",
    kind="comment",
)
N(
    "neighbour_chat",
    "mn oi, hom nay co nguoi goi xung la dien luc doi cat dien bat chuyen khoan, nha ai nhan duoc thi cup may luon nha, tien dien minh van dong qua app nhu binh thuong",
    kind="comment",
    variant="no_diacritics",
)
N(
    "neighbour_chat",
    "Bà con chú ý: sáng mai 8h phường trả tiền hỗ trợ thiệt hại sau bão tại nhà văn hóa khu phố, mang theo CCCD để ký nhận, không nhận qua tài khoản.",
    kind="comment",
)
# news about scam arrests / trials quoting the scam
N(
    "arrest_news",
    "Công an tỉnh vừa bắt nhóm đối tượng giả danh cán bộ Tòa án, gọi điện đe dọa người dân liên quan vụ án rửa tiền và yêu cầu chuyển tiền vào 'tài khoản tạm giữ'. Các đối tượng đã chiếm đoạt hơn 3 tỷ đồng của 11 bị hại.",
    kind="article",
    nd=True,
)
N(
    "arrest_news",
    "TAND thành phố tuyên phạt 12 năm tù đối với bị cáo lập fanpage giả homestay, nhận tiền đặt cọc rồi yêu cầu khách 'chuyển lại đúng cú pháp'. Theo cáo trạng, bị cáo chiếm đoạt 860 triệu đồng của 95 người.",
    kind="article",
)
N(
    "arrest_news",
    "Khởi tố đối tượng nhận tiền 'giữ suất nội bộ' đi xuất khẩu lao động Hàn Quốc: mỗi người nộp trước 40 triệu đồng, sau đó đối tượng chặn liên lạc. Cơ quan điều tra đề nghị ai là bị hại liên hệ Phòng Cảnh sát hình sự.",
    kind="article",
)
N(
    "arrest_news",
    "Bat giu doi tuong mao danh nhan vien dien luc nhan tin doi cat dien, gui ma QR yeu cau khach quet de thanh toan. Cong an khuyen cao nguoi dan chi thanh toan tien dien qua kenh chinh thuc.",
    kind="article",
    variant="no_diacritics",
)
N(
    "arrest_news",
    "Triệt phá đường dây lừa đảo 'việc nhẹ lương cao' với 47 đối tượng, chuyên yêu cầu người ứng tuyển nộp phí hồ sơ, phí đồng phục rồi biến mất. Thu giữ 120 điện thoại và nhiều sim rác.",
    kind="article",
)
# real carrier / utility / tax / land notices
N(
    "carrier_real",
    "Viettel thông báo: từ 16/10, thuê bao dùng máy 2G cần đổi sang máy hỗ trợ 4G. Quý khách đổi SIM 4G miễn phí tại cửa hàng Viettel gần nhất, mang theo CCCD. Viettel không hỗ trợ đổi SIM qua điện thoại.",
    kind="comment",
    nd=True,
)
N(
    "carrier_real",
    "MobiFone: Quy khach da dang ky thanh cong goi C90N, cuoc 90.000d/30 ngay. Chi tiet lien he 9090 (200d/phut).",
    kind="comment",
    variant="no_diacritics",
)
N(
    "utility_real",
    "EVNHCMC thông báo tiền điện kỳ 11/2025 của mã khách hàng PE0400xxxxxx là 1.126.540đ. Quý khách thanh toán qua ứng dụng EVNHCMC, ngân hàng hoặc ví điện tử trước ngày 25. Ngành điện không thu tiền qua tài khoản cá nhân.",
    kind="comment",
    nd=True,
)
N(
    "utility_real",
    "Công ty cấp nước thông báo tạm ngưng cấp nước khu vực phường 3 từ 22h ngày 28/11 đến 4h ngày 29/11 để sửa chữa đường ống. Mong quý khách thông cảm và dự trữ nước.",
)
N(
    "tax_real",
    "Thuế cơ sở 2 thông báo: hộ kinh doanh kê khai, nộp thuế qua ứng dụng eTax Mobile tải từ App Store hoặc Google Play. Cơ quan thuế không gọi điện đề nghị cài đặt ứng dụng hay gửi đường link qua tin nhắn.",
    nd=True,
)
N(
    "land_real",
    "Chính chủ bán nhà 3 tầng ngõ 45, diện tích 42m2, sổ hồng riêng, giá 4,2 tỷ có thương lượng. Xem nhà trực tiếp, giao dịch tại văn phòng công chứng, không nhận đặt cọc qua mạng.",
    nd=True,
)
N(
    "land_real",
    "UBND xã niêm yết công khai danh sách 14 hộ được cấp đổi giấy chứng nhận quyền sử dụng đất; người dân nhận tại bộ phận một cửa, lệ phí theo quy định nộp tại quầy có biên lai.",
)
N(
    "lottery_real",
    "Vietlott: kỳ quay Mega 6/45 tối 26/11 có 1 vé trúng Jackpot trị giá 18,6 tỷ đồng, vé bán tại đại lý ở TP.HCM. Người trúng thưởng liên hệ trụ sở Vietlott để làm thủ tục, thuế TNCN được khấu trừ khi chi trả.",
    kind="article",
)
N(
    "travel_real",
    "Khách sạn xác nhận đặt phòng mã BK20251127 cho 2 đêm 20-22/12, thanh toán khi nhận phòng. Mọi thay đổi vui lòng liên hệ lễ tân qua số điện thoại trên website chính thức.",
    kind="comment",
)
N(
    "invest_real",
    "Ủy ban Chứng khoán Nhà nước khuyến cáo nhà đầu tư chỉ giao dịch qua công ty chứng khoán được cấp phép, không tham gia các nhóm Zalo, Telegram hô hào mua cổ phiếu cam kết lợi nhuận.",
    kind="article",
)


SET.write(Path(__file__).with_name("scam_fresh2.jsonl"), "gs", "gn")
