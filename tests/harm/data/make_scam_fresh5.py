"""Build tests/harm/data/scam_fresh5.jsonl: a sixth labelled set for the scam rules, never seen by them.

Written on 27 Nov 2026 by a helper who had NOT read src/tinhhinh/data/scam_rules.yaml,
src/tinhhinh/harm/scam.py nor tests/harm/test_scam.py, and committed before the set was scored, so that
the lead's first score of rules 2026.11.27-6 on it is a clean measurement (issue #7 item 1). The helper
never ran bench/harm.py or `tinhhinh analyze` on it. Positives paraphrase scam messages described in
published police / bank / ministry / press warnings whose URLs are in none of the five earlier sets
(scam_set.jsonl, scam_fresh.jsonl .. scam_fresh4.jsonl; tests/harm/test_scam_blind_sets.py checks this);
they favour what an office meets in 2025-2026 and kinds the earlier sets lack: rented or bought
ride-hailing driver accounts that take parcels and vanish, fake overseas customers booking a driver,
fake appeals for sick children and fake charity runs, fake pet shops and pet "ransom" brokers, self-drive
car rentals that take deposits, QR cards hung on motorbikes and doors, fake BHYT (health insurance) debts,
allowances and "BHYT điện tử" updates, fake credit cards by post and card-cancellation "help", miracle
medicines sold by fake doctors and monks, crypto airdrops that drain wallets, pyramid "đa cấp" health
products and tokens, photo-editing services paid first, fake seed / fertilizer / flower sellers, fake
IELTS registrations and online classes, fake e-commerce platforms and flash shops, gold pre-orders for
Thần Tài day, collectible toys, gem auctions on livestream, a fake VinFast deal, e-wallet "verification".
Phone, account and order numbers and links are invented. Many are typed the way such messages look:
without marks or in teencode (typed by hand). Negatives are hard ones of kinds the earlier sets lack:
real e-commerce order and refund notices, real driver recruitment, real hospital bills, registered funds'
appeals for sick children, pet shops, rentals with a contract, real QR payments at shops, chargers and car
parks, exchanges' own safety notices, pupils' scholarships, BHYT notices, bank annual-fee notices, course
refund policies, lottery results, agricultural input shops, licensed pharmacies, wedding services, news
quoting the new scam messages while warning.
Run: PYTHONPATH=src python tests/harm/data/make_scam_fresh5.py
"""

from pathlib import Path

from scamsets import ScamSet

S = {
    # ride-hailing and delivery drivers
    "tiepthigd_taixe": (
        "Tiếp thị & Gia đình (theo Công an tỉnh Đồng Nai)",
        "Công an 'phơi bày' chiêu lừa đảo mua lại tài khoản tài xế xe công nghệ trên Facebook khiến người dân"
        " dễ 'mất trắng' hàng hóa đắt tiền",
        "https://tiepthigiadinhvietnam.com/cong-an-phoi-bay-chieu-lua-dao-mua-lai-tai-khoan-tai-xe-xe-cong-nghe-tren-facebook-khien-nguoi-dan-de-mat-trang-hang-hoa-dat-tien-a56297.html",
    ),
    "mobilereview_taixe": (
        "Mobilereview (theo Công an TP Hà Nội)",
        "Xuất hiện thủ đoạn mua hoặc thuê lại tài khoản tài xế xe công nghệ để lừa đảo",
        "https://mobilereview.vn/xuat-hien-thu-doan-mua-hoac-thue-lai-tai-khoan-tai-xe-xe-cong-nghe-de-lua-dao",
    ),
    "bizinvest_ship": (
        "Business Investment (theo Công an tỉnh Thái Bình)",
        "Thủ đoạn lừa đảo liên quan đến ship hàng mà người dân cần cảnh giác",
        "https://businessinvestmentvn.com/thu-doan-lua-dao-lien-quan-den-ship-hang-ma-nguoi-dan-can-canh-giac-nhieu-nguoi-da-bi-lua-a231401.html",
    ),
    "tinmoi_ship": (
        "Tin Mới (theo Bộ Công an)",
        "Thủ đoạn lừa đảo mới chưa từng xuất hiện liên quan đến ship hàng",
        "https://tinmoi.org/kinh-doanh/tai-chinh-dau-tu/thu-doan-lua-dao-moi-chua-tung-xuat-hien-lien-quan-den-ship-hang",
    ),
    "baomoi_datxe": (
        "Báo Mới (baomoi.net.vn)",
        "Lừa đảo bằng hình thức đặt xe dịch vụ",
        "https://baomoi.net.vn/lua-dao-bang-hinh-thuc-dat-xe-dich-vu-c51981434.epi",
    ),
    # sick children and charity runs
    "cafef_nnh": (
        "CafeF (theo Công an TP.HCM)",
        "Công an TP.HCM phát cảnh báo liên quan chủ tài khoản có tên Nguyễn Ngọc Hiếu",
        "https://cafef.vn/cong-an-tphcm-phat-canh-bao-lien-quan-chu-tai-khoan-co-ten-nguyen-ngoc-hieu-188250910141750733.chn",
    ),
    "nld_monao": (
        "Người Lao Động (theo Công an TP.HCM)",
        "Công an TP HCM khuyến cáo một chiêu lừa đang diễn ra",
        "https://nld.com.vn/cong-an-tp-hcm-khuyen-cao-mot-chieu-lua-dang-dien-ra-196250911144813536.htm",
    ),
    "vnn_monao": (
        "VietNamNet (theo Công an TP.HCM)",
        "Cảnh báo tin giả kêu gọi ủng hộ từ thiện trẻ em mổ não tại TPHCM",
        "https://vietnamnet.vn/canh-bao-tin-gia-keu-goi-ung-ho-tu-thien-tre-em-mo-nao-tai-tphcm-2440879.html",
    ),
    "soha_nhidong": (
        "Soha",
        "Hàng nghìn nhà hảo tâm sập bẫy fanpage giả mạo bệnh viện kêu gọi từ thiện",
        "https://soha.vn/hang-nghin-nha-hao-tam-sap-bay-fanpage-gia-mao-benh-vien-keu-goi-tu-thien-198250915181937613.htm",
    ),
    "zing_tuthien": (
        "Zing News (theo Công an tỉnh Thanh Hóa)",
        "Cảnh báo tình trạng lừa đảo tiền từ thiện qua mạng xã hội",
        "https://zingnews.vn/canh-bao-tinh-trang-lua-dao-tien-tu-thien-qua-mang-xa-hoi-post1295315.html",
    ),
    "canhco_a05": (
        "Cánh Cò (theo Cục A05, Bộ Công an)",
        "Cảnh báo lừa đảo núp bóng từ thiện trên mạng xã hội",
        "https://canhco.net/canh-bao-lua-dao-nup-bong-tu-thien-tren-mang-xa-hoi-p519850.html",
    ),
    "thanhnien_thuongnguoi": (
        "Thanh Niên",
        "Mở mạng là gặp bẫy lừa: chiêu đánh vào tâm lý thương người",
        "https://thanhnien.vn/mo-mang-la-gap-bay-lua-chieu-danh-vao-tam-ly-thuong-nguoi-185240516131159854.htm",
    ),
    "cafef_giaichay": (
        "CafeF (theo Công an TP Hà Nội)",
        "Công an Hà Nội cảnh báo thủ đoạn lừa đảo khiến người dân mất tiền trong tài khoản",
        "https://cafef.vn/cong-an-ha-noi-canh-bao-thu-doan-lua-dao-khien-nguoi-dan-mat-tien-trong-tai-khoan-188250910111309375.chn",
    ),
    "kienthuc_rhmrun": (
        "Kiến Thức (theo Bệnh viện Răng Hàm Mặt Trung ương TP.HCM)",
        "Fanpage giả mạo lợi dụng giải chạy thiện nguyện để lừa đảo",
        "https://kienthuc.net.vn/fanpage-gia-mao-loi-dung-giai-chay-thien-nguyen-de-lua-dao-post1562653.html",
    ),
    # pets, rentals, QR cards
    "vnvn_shopao": (
        "Vietnam.vn (bản dịch tiếng Indonesia)",
        "Mất tiền vì shop ảo",
        "https://www.vietnam.vn/id/mat-tien-vi-shop-ao",
    ),
    "thanhnien_chuocpet": (
        "Thanh Niên (theo Công an TP.HCM)",
        "Nhức nhối trộm chó, mèo ở TP.HCM - Kỳ 2",
        "https://thanhnien.vn/nhuc-nhoi-trom-cho-meo-o-tphcm-ky-2-dung-ai-tao-cho-gia-de-lua-tien-chuoc-185251124140905926.htm",
    ),
    "kienthuc_xetulai": (
        "Kiến Thức",
        "Cẩn thận dính bẫy cho thuê xe tự lái dịp Tết Nguyên đán Tân Sửu",
        "https://kienthuc.net.vn/xa-hoi/can-than-dinh-bay-cho-thue-xe-tu-lai-dip-tet-nguyen-dan-tan-suu-1498212.html",
    ),
    "xetulaidalat": (
        "Xe tự lái Đà Lạt (xetulaidalat.com)",
        "Bị lừa tiền khi đặt cọc thuê xe tự lái Đà Lạt",
        "https://xetulaidalat.com/bi-lua-tien-khi-dat-coc-thue-xe-xe-tu-lai-da-lat",
    ),
    "thanhnien_theqr": (
        "Thanh Niên (theo Công an TP.HCM)",
        "Cảnh giác kẻ gian treo thẻ có mã QR trên xe, trước cửa nhà để chặn tiền",
        "https://thanhnien.vn/canh-giac-ke-gian-treo-the-co-ma-qr-tren-xe-truoc-cua-nha-de-chan-tien-185240707140426332.htm",
    ),
    "vietbao_qr": (
        "Việt Báo (theo NCSC, Cục An toàn thông tin)",
        "Thủ đoạn lừa đảo trực tuyến mới đã xuất hiện tại nhiều địa phương",
        "https://vietbao.vn/thu-doan-lua-dao-truc-tuyen-moi-da-xuat-hien-tai-nhieu-dia-phuong-493984.html",
    ),
    "afamily_qr": (
        "Afamily (theo Trung tâm Giám sát, điều hành đô thị thông minh Thừa Thiên - Huế)",
        "Lừa đảo quét mã QR nhận tiền",
        "https://afamily.vn/lua-dao-quet-ma-qr-nhan-tien.html",
    ),
    "reatimes_qr": (
        "Reatimes (theo Công an TP.HCM)",
        "Chiêu thức lừa đảo mới: Dụ quét mã QR từ tấm thẻ treo trên cửa",
        "https://dothi.reatimes.vn/chieu-thuc-lua-dao-moi-du-quet-ma-qr-tu-tam-the-treo-tren-cua-4706.html",
    ),
    # hospitals and health insurance
    "suckhoeviet_capcuu": (
        "Sức khỏe Việt (theo Bệnh viện Nhi Trung ương)",
        "Chiêu lừa 'con cấp cứu ở viện' xuất hiện tại Hà Nội, chuyên gia chỉ cách ứng phó",
        "https://suckhoeviet.org.vn/chieu-lua-con-cap-cuu-o-vien-xuat-hien-tai-ha-noi-chuyen-gia-chi-cach-ung-pho-3783.html",
    ),
    "thuviensk_congvan": (
        "Thư viện Sức khỏe (theo Bệnh viện Nhi đồng 1, Sở Y tế TP.HCM)",
        "Khi nghi ngờ có cuộc gọi lừa đảo gọi ngay số 0967.77.10.10 hoặc 028.3930.7916",
        "https://thuviensuckhoe.org/khi-nghi-ngo-co-cuoc-goi-lua-dao-goi-ngay-so-0967771010-hoac-02839307916-20230312114951.htm",
    ),
    "phunutoday_bhyt": (
        "Phụ nữ Today",
        "Cảnh báo lừa đảo về BHYT người dân nên biết kẻo thiệt thòi",
        "https://phunutoday.vn/canh-bao-lua-dao-ve-bhyt-nguoi-dan-nen-biet-keo-thiet-thoi-d406934.html",
    ),
    "yeni_bhyt": (
        "Yeni (theo BHXH Việt Nam)",
        "Từ nay người tham gia bảo hiểm y tế 5 năm liên tục có được trợ cấp 5 triệu đồng, có đúng không?",
        "https://yeni.vn/tu-nay-nguoi-tham-gia-bao-hiem-y-te-5-nam-lien-tuc-co-duoc-tro-cap-5-trieu-dong-co-dung-khong",
    ),
    "cafef_bhytdt": (
        "CafeF (theo Công an tỉnh Gia Lai)",
        "Tài khoản ngân hàng có thể mất sạch tiền nếu người dùng chụp và gửi bức ảnh này",
        "https://cafef.vn/tai-khoan-ngan-hang-co-the-mat-sach-tien-neu-nguoi-dung-chup-va-gui-buc-anh-nay-18826011217000461.chn",
    ),
    "soha_bhyt_gialai": (
        "Soha (theo Công an tỉnh Gia Lai)",
        "Thủ đoạn lừa đảo mới nhằm vào người có bảo hiểm: người đàn ông có tính cảnh giác vẫn mất trắng 114"
        " triệu đồng",
        "https://soha.vn/thu-doan-lua-dao-moi-nham-vao-nguoi-co-bao-hiem-chieu-lua-ra-sao-khien-nguoi-dan-ong-co-tinh-canh-giac-van-mat-trang-114-trieu-dong-198260110204543322.htm",
    ),
    "cafef_khamonline": (
        "CafeF",
        "Muốn khám bệnh nhanh, người đàn ông 62 tuổi mất trắng 35 triệu đồng vì một cuộc gọi",
        "https://cafef.vn/muon-kham-benh-nhanh-nguoi-dan-ong-62-tuoi-mat-trang-35-trieu-dong-vi-mot-cuoc-goi-188251128063813025.chn",
    ),
    # bank cards
    "sggp_thetd": (
        "Sài Gòn Giải Phóng (theo VPBank, CBBank, SCB)",
        "Cảnh báo lừa đảo liên quan mở thẻ tín dụng",
        "https://sggp.org.vn/canh-bao-lua-dao-lien-quan-mo-the-tin-dung-post576366.html",
    ),
    "baogialai_vpbank": (
        "Báo Gia Lai (theo VPBank)",
        "Xuất hiện thủ đoạn lừa đảo mới: mở thẻ tín dụng để chiếm đoạt tiền",
        "https://baogialai.com.vn/channel/1601/202011/xuat-hien-thu-doan-lua-dao-moi-mo-the-tin-dung-de-chiem-doat-tien-5711434/",
    ),
    "trangtrang_huythe": (
        "Trang Trắng (trangtrang.com)",
        "Mất tiền vì hủy thẻ tín dụng qua Zalo: Bài học cảnh giác!",
        "https://www.trangtrang.com/bai-viet/mat-tien-vi-huy-the-tin-dung-qua-zalo-bai-hoc-canh-giac.html",
    ),
    # medicine
    "ldtd_thuoc": (
        "Lao động Thủ đô (theo Cục An toàn thông tin)",
        "Cảnh báo chiêu trò lừa đảo bán thuốc đặc trị trên mạng xã hội",
        "https://tacnghiep.laodongthudo.vn/canh-bao-chieu-tro-lua-dao-ban-thuoc-dac-tri-tren-mang-xa-hoi-174947.html",
    ),
    "plpt_nhomkin": (
        "Pháp luật & Phát triển (theo Cục An toàn thông tin)",
        "Lừa đảo từ nhóm kín tư vấn sức khỏe: Nâng cao cảnh giác kẻo 'tiền mất tật mang'",
        "https://phapluatphattrien.vn/lua-dao-tu-nhom-kin-tu-van-suc-khoe-d2378.html",
    ),
    "bth_thaytu": (
        "Báo Thanh Hóa (Văn hóa - Đời sống)",
        "Cảnh giác chiêu trò mạo danh “thầy tu” bán thuốc nam",
        "https://vhds.baothanhhoa.vn/canh-giac-chieu-tro-mao-danh-thay-tu-ban-thuoc-nam-33363.htm",
    ),
    "catp_halipix": (
        "Công an TP.HCM",
        "Thuốc giả, giả bác sĩ bán thuốc vẫn tràn lan trên mạng",
        "https://congan.com.vn/doi-song/thuoc-gia-gia-bac-si-ban-thuoc-van-tran-lan-tren-mang_156833.html",
    ),
    "tienphong_xuongkhop": (
        "Tiền Phong (theo Công an tỉnh Thanh Hóa)",
        "Triệt phá đường dây thuốc xương khớp giả thu lợi bất chính hơn 227 tỷ đồng",
        "https://tienphong.vn/triet-pha-duong-day-thuoc-xuong-khop-gia-thu-loi-bat-chinh-hon-227-ty-dong-post1826624.tpo",
    ),
    # crypto, pyramid schemes
    "nhadautu_airdrop": (
        "Nhà Đầu tư (theo Zing)",
        "Mất trắng tài sản vì tin trò lừa đảo tặng coin miễn phí",
        "https://nhadautu.vn/mat-trang-tai-san-vi-tin-tro-lua-dao-tang-coin-mien-phi-d60602.html",
    ),
    "tttdt_airdrop": (
        "Thị trường Tiền điện tử",
        "10 dấu hiệu nhận biết airdrop lừa đảo",
        "https://thitruongtiendientu.com/10-dau-hieu-nhan-biet-airdrop-lua-dao/",
    ),
    "bth_dacap": (
        "Báo Thanh Hóa",
        "Cảnh giác trước đa cấp biến tướng manh nha trở lại",
        "https://baothanhhoa.vn/canh-giac-truoc-da-cap-bien-tuong-manh-nha-tro-lai-264181.htm",
    ),
    "blc_dacap": (
        "Báo Lào Cai (theo Công an tỉnh Gia Lai)",
        "Cảnh giác với các hình thức kinh doanh đa cấp biến tướng trên không gian mạng",
        "https://baolaocai.vn/canh-giac-voi-cac-hinh-thuc-kinh-doanh-da-cap-bien-tuong-tren-khong-gian-mang-post402477.html",
    ),
    "catp_tpcn": (
        "Công an TP.HCM (theo Cục Cạnh tranh và Bảo vệ người tiêu dùng)",
        "Thực phẩm chức năng thổi phồng công hiệu nở rộ dịp cuối năm",
        "https://congan.com.vn/doi-song/thuc-pham-chuc-nang-duoc-thoi-phong-cong-hieu-no-ro-dip-cuoi-nam_138958.html",
    ),
    "vietpress_bitney": (
        "VietPress (theo Công an tỉnh Phú Thọ)",
        "Bóc trần đường dây đa cấp 'khủng' 200.000 thành viên bán TPCN chứa chất cấm",
        "https://vietpress.vn/boc-tran-duong-day-da-cap-khung-200000-thanh-vien-ban-tpcn-chua-chat-cam-d96321.html",
    ),
    # services paid first
    "cafef_ghepanh": (
        "CafeF (theo Công an TP Đà Nẵng)",
        "Cảnh báo thủ đoạn lừa đảo mới, tất cả người dân khi ghép ảnh online đặc biệt chú ý",
        "https://cafef.vn/canh-bao-thu-doan-lua-dao-moi-tat-ca-nguoi-dan-khi-ghep-anh-online-dac-biet-chu-y-188260224091205141.chn",
    ),
    # farming inputs and flowers
    "knt_giong": (
        "Kinh tế Nông thôn",
        "Nông dân cần tỉnh táo trước cạm bẫy trên mạng xã hội",
        "https://kinhtenongthon.vn/Nong-dan-can-tinh-tao-truoc-cam-bay-tren-mang-xa-hoi-post61286.html",
    ),
    "2lua_phanbon": (
        "2Lúa",
        "Cảnh giác với chiêu trò bán sản phẩm hỗ trợ vật nuôi, cây trồng",
        "https://m.2lua.vn/article/canh-giac-voi-chieu-tro-ban-san-pham-ho-tro-vat-nuoi-cay-trong-26126.html?hl=en",
    ),
    "vnn_chohoa": (
        "VietNamNet",
        "Buôn bán nhắm mắt trên chợ mạng, chủ hàng hoa choáng váng khi vẫn bị 'vào tròng'",
        "https://vietnamnet.vn/buon-ban-nhan-mat-tren-cho-mang-chu-hang-hoa-choang-vang-khi-van-bi-vao-trong-2243634.html",
    ),
    # courses and classes
    "hue_ielts": (
        "Huế Ngày nay (theo TAND TP Huế)",
        "Mạo danh trung tâm Anh ngữ, chiếm đoạt hàng trăm triệu đồng",
        "https://huengaynay.vn/chinh-tri-xa-hoi/phap-luat-cuoc-song/mao-danh-trung-tam-anh-ngu-chiem-doat-hang-tram-trieu-dong-162540.html",
    ),
    "hnm_khoahoc": (
        "Hà Nội Mới (đăng lại trên toihuongdan.com)",
        "Havamath là gì",
        "https://toihuongdan.com/havamath-la-gi",
    ),
    "baonghean_trai": (
        "Báo Nghệ An (theo Bộ Công an, Công an tỉnh Nghệ An)",
        "Cảnh báo lừa đảo các hoạt động trải nghiệm hè",
        "https://baonghean.vn/canh-bao-lua-dao-cac-hoat-dong-trai-nghiem-he-10297150.html",
    ),
    "plxh_ielts": (
        "Pháp luật & Xã hội (Kinh tế & Đô thị)",
        "Cảnh giác với các trung tâm luyện tiếng Anh online",
        "https://phapluatxahoi.kinhtedothi.vn/canh-giac-voi-cac-trung-tam-luyen-tieng-anh-online-357508.html",
    ),
    # fake platforms and shops
    "nld_starlink": (
        "Người Lao Động (theo Công an TP Hà Nội)",
        "Lời nhanh, mất trắng",
        "https://nld.com.vn/loi-nhanh-mat-trang-196240505192726749.htm",
    ),
    "antg_gianhang": (
        "An ninh Thế giới (Công an Nhân dân)",
        "Sập bẫy gian hàng “mọc nhanh - lặn gọn” trên sàn thương mại điện tử",
        "https://antg.cand.com.vn/Phong-su/sap-bay-gian-hang-moc-nhanh-lan-gon-tren-san-thuong-mai-dien-tu-i792028",
    ),
    "antg_sangia": (
        "An ninh Thế giới (Công an Nhân dân)",
        "Giả mạo sàn thương mại điện tử để lừa đảo",
        "https://antg.cand.com.vn/Vu-an-noi-tieng/gia-mao-san-thuong-mai-dien-tu-de-lua-dao-i731953",
    ),
    "thanhnien_dropship": (
        "Thanh Niên",
        "Cẩn trọng với chiêu trò kinh doanh không cần vốn",
        "https://thanhnien.vn/can-trong-voi-chieu-tro-kinh-doanh-khong-can-von-185240331195551424.htm",
    ),
    "afamily_vang": (
        "Afamily (theo Công an TP Đà Nẵng)",
        "Thông tin quan trọng người dân mua vàng ngày vía Thần Tài cần biết",
        "https://afamily.vn/thong-tin-quan-trong-nguoi-dan-mua-vang-ngay-via-than-tai-can-biet-23626022519512433.chn",
    ),
    "thanhnien_labubu": (
        "Thanh Niên",
        "Bùng nổ lừa đảo mua Labubu",
        "https://thanhnien.vn/bung-no-lua-dao-mua-labubu-185240830202954984.htm",
    ),
    "soha_daquy": (
        "Soha",
        "Công an cảnh báo các chiêu lừa đảo thế hệ mới",
        "https://soha.vn/cong-an-canh-bao-cac-chieu-lua-dao-the-he-moi-198250124140933335.htm",
    ),
    "vne_vinfast": (
        "VnExpress (theo VinFast)",
        "VinFast bác thông tin bán xe điện gấp gọn giá 286.000 đồng",
        "https://vnexpress.net/vinfast-bac-thong-tin-ban-xe-dien-gap-gon-gia-286-000-dong-4955782.html",
    ),
    "kienthuc_vidt": (
        "Kiến Thức (theo Công an TP Hà Nội)",
        "Cảnh báo một số kịch bản lừa đảo lợi dụng việc thanh toán qua ví điện tử",
        "https://kienthuc.net.vn/canh-bao-mot-so-kich-ban-lua-dao-loi-dung-viec-thanh-toan-qua-vi-dien-tu-post1564136.html",
    ),
}

SET = ScamSet(S)
P, N = SET.P, SET.N

# --- scams -------------------------------------------------------------------------------------
# rented or bought ride-hailing driver accounts, fake overseas customers booking a driver
P(
    "driver_account",
    "tiepthigd_taixe",
    "Cần thuê lại tài khoản tài xế Grab/Be chính chủ, trả 2 triệu/tuần, không cần gặp mặt, chỉ cần gửi"
    " mật khẩu và quay video khuôn mặt để qua xác minh. Ai có acc bỏ không thì ib mình, chuyển khoản liền.",
    kind="post",
    nd=True,
)
P(
    "driver_account",
    "mobilereview_taixe",
    "Chị ơi em là tài xế nhận đơn giao cái laptop của chị. Em tới cổng rồi, chị đưa hàng cho em nhé."
    " App bên em đang lỗi định vị nên em hủy chuyến trên app rồi chạy ngoài luôn, chị chuyển trước phí"
    " 180k vào số 0387 441 902 giúp em, hàng tới nơi em gửi ảnh.",
)
P(
    "driver_account",
    "bizinvest_ship",
    "a toi r nha c, a ko bo khau trang dc vi dang cam cum. don ship dien thoai c de a chay ngoai app cho"
    " nhanh, phi ck truoc 150k stk 0569 2204 871 MB, a giao xong bao c",
    variant="teencode",
)
P(
    "driver_account",
    "tinmoi_ship",
    "Thu mua acc tài xế công nghệ điểm cao, acc chưa khóa, giá từ 3 đến 5 triệu. Bán acc xong vẫn"
    " được chia 10% thu nhập mỗi tuần, không cần chạy. Liên hệ Zalo 0931 57 60 88, nhận cọc trước 500k.",
    kind="post",
    teen="thu mua acc tai xe cn diem cao, acc chua khoa, gia 3-5tr. ban acc xong van dc chia 10% thu nhap"
    " moi tuan k can chay. lh zl 0931576088, nhan coc truoc 500k",
)
P(
    "driver_booking",
    "baomoi_datxe",
    "Chào anh, tôi là Việt kiều ở Mỹ, bạn tôi từng thuê xe anh nên giới thiệu. Cả nhà về Huế 5 ngày rồi đi"
    " Quảng Bình, tôi đã chuyển cọc 300 USD qua chuyển tiền quốc tế, anh bấm vào link"
    " wu-nhantien-quocte.com để xác nhận nhận tiền, nhập số tài khoản và mã OTP ngân hàng gửi về nhé.",
    nd=True,
)
P(
    "driver_booking",
    "baomoi_datxe",
    "Anh ơi tiền cọc chuyển quốc tế bị giữ lại vì thiếu phí chuyển đổi ngoại tệ 1.200.000đ. Anh nộp giúp"
    " phí này vào tài khoản ngân hàng trung gian 0071 0009 3342 Vietcombank, bên họ sẽ trả cả cọc lẫn phí"
    " về tài khoản anh trong 30 phút. Tôi gửi ảnh biên lai chuyển tiền rồi đó.",
)
# appeals for sick children, fake hospital pages, charity runs
P(
    "sick_child",
    "cafef_nnh",
    "KÊU GỌI KHẨN CẤP: Bé Bảo An 3 tuổi mồ côi cha, đang nằm chờ mổ não tại Bệnh viện Đa khoa Bình Dương,"
    " mẹ bé không còn đồng nào. Mỗi người một ít để bé được sống. Mọi tấm lòng xin gửi STK 0671 0004 51832"
    " NGUYEN NGOC HIEU - Vietcombank. Xin đừng lướt qua!",
    kind="post",
    nd=True,
)
P(
    "sick_child",
    "nld_monao",
    "ai thuong be thi giup be voi a, be dang nam vien cho mo nao, nha ngheo k co tien. ung ho qua stk"
    " 1903 6655 0182 tech chu tk ba ngoai be. xin moi nguoi chia se giup",
    kind="comment",
    variant="teencode",
)
P(
    "sick_child",
    "vnn_monao",
    "Cầu cứu: anh Tuấn ở Đồng Nai bị bắt cóc sang Campuchia, bọn chúng đòi 80 triệu tiền chuộc, gia đình đã"
    " vay khắp nơi vẫn thiếu. Ai giúp được xin chuyển khoản cho người nhà: 0711 0003 62 991 Nguyen Ngoc Hieu"
    " Techcombank. Xin chia sẻ để gia đình sớm đón anh về.",
    kind="post",
)
P(
    "sick_child",
    "soha_nhidong",
    "Bệnh viện Nhi Đồng 1 - Phòng Công tác xã hội: Bé Gia Huy 2 tháng tuổi bụng trương phình, bác sĩ"
    " chỉ định ghép gan 1,5 tỷ đồng là cách duy nhất. Gia đình đã bán hết ruộng. Quý nhà hảo tâm hỗ trợ"
    " xin chuyển trực tiếp tài khoản cá nhân DO TRONG HUY - 1028 4471 990 - VietinBank.",
    kind="post",
)
P(
    "sick_child",
    "zing_tuthien",
    "bo don than bi ung thu mau, con gai 19 thang bi bong nang, o ha trung thanh hoa. hai bo con dang"
    " can tien dieu tri gap, moi su giup do xin gui vao tai khoan 3500 2051 44 77 agribank nguyen phuong"
    " nga. xin cam on va chia se bai viet nay",
    kind="post",
    variant="no_diacritics",
)
P(
    "sick_child",
    "canhco_a05",
    "Quỹ Bảo trợ Trẻ em Việt Nam (trang chính thức) tiếp nhận ủng hộ cho 12 cháu bị ung thư máu đang điều"
    " trị. Để tiền đến tay các cháu nhanh nhất, quý vị chuyển thẳng vào tài khoản của Ban điều hành"
    " TRAN VAN LAM 1903 8820 7711 Techcombank, ghi nội dung: tên + ủng hộ bé.",
    kind="post",
    teen="quy bao tro tre em vn trang chinh thuc tiep nhan ung ho cho 12 chau ung thu mau. de tien den tay"
    " cac chau nhanh nhat ck thang vao tk ban dieu hanh TRAN VAN LAM 19038820 7711 tcb, nd ten + ung ho be",
)
P(
    "sick_child",
    "thanhnien_thuongnguoi",
    "Con tôi là Ngọc Hân, 7 tuổi, bị u não đang điều trị ở Bình Chánh. Tôi là mẹ bé, số điện thoại"
    " 0907 338 412, tài khoản 0441 0008 8261 Sacombank. Bài này có thể bị xóa, ai thương con tôi xin"
    " chuyển ngay hôm nay, mai con phải mổ rồi.",
    kind="post",
    nd=True,
)
P(
    "charity_run",
    "cafef_giaichay",
    'Giải chạy từ thiện "Vì bệnh nhân ung thư" 2025 chính thức mở cổng đăng ký! Phí 299k nhận áo, huy'
    " chương và giấy chứng nhận, toàn bộ lợi nhuận trao cho bệnh nhân. Chỉ còn 200 suất, đăng ký và thanh"
    " toán tại chaybenhnhan-ungthu.com trước 24h hôm nay.",
    kind="post",
    nd=True,
)
P(
    "charity_run",
    "kienthuc_rhmrun",
    "RANG HAM MAT RUN - chay vi nu cuoi tre em. moi bib 399k dong gop 50k vao quy phau thuat nu cuoi. ib"
    " page de nhan link thanh toan, dk som tang them tui rut. so luong bib co han nha ca nha",
    kind="post",
    variant="teencode",
)
# pets: ghost shops and "ransom" brokers
P(
    "pet_sale",
    "vnvn_shopao",
    "Mèo Anh lông ngắn đen, 2 tháng, tiêm đủ 2 mũi, giá thanh lý 2 triệu. Tặng 3kg hạt và pate, có sổ"
    " tiêm và sổ khám. Chuyển khoản đủ tiền trước, shop gửi xe khách tận nơi, 1 tuần nhận bé. Ib giữ bé"
    " ngay vì nhiều người hỏi.",
    kind="post",
    nd=True,
)
P(
    "pet_sale",
    "vnvn_shopao",
    "cho phu quoc thuan chung 2thang, e de lai 1tr8 bao ship xe khach. a ck coc 1tr truoc de e giu, con"
    " lai ck khi xe chay. a yen tam e ban lau nam r co feedback day du",
    variant="teencode",
)
P(
    "pet_sale",
    "thanhnien_chuocpet",
    "Chị mất con Corgi ở An Khánh đúng không? Tôi chuyên dò lò mổ, lò không bao giờ làm việc với chủ chó"
    " mà qua người như tôi. Mỗi lần tìm 3,2 triệu, cọc trước 50%, cọc càng nhiều tìm càng nhanh. Chị chuyển"
    " cọc vào số 0962 118 430 thì chiều nay tôi đi lò liền.",
    nd=True,
)
# self-drive car and motorbike rentals that only take deposits
P(
    "vehicle_rental",
    "kienthuc_xetulai",
    "Cho thuê xe tự lái dịp Tết: Kia K3 đời mới 1 triệu/ngày, thuê 10 ngày chỉ 10 triệu. Tết xe hiếm, cọc"
    " trước 5 triệu để giữ xe, hợp đồng gửi qua Zalo, không cần đến cửa hàng. Liên hệ 0979 402 115.",
    kind="post",
    nd=True,
)
P(
    "vehicle_rental",
    "xetulaidalat",
    "Xe 5 cho co tai xe 1tr5/ngay, a coc truoc 1tr qua tk ca nhan la sang mai xe toi tan khach san."
    " ben e can a ck them 1tr nua de chot xe, khong chot la xe cho khach khac thue nha a",
    variant="no_diacritics",
)
P(
    "vehicle_rental",
    "xetulaidalat",
    "thue xe may da lat 120k/ngay, giao xe tan noi. ck coc 300k/xe truoc qua stk 0358 742 116 de giu"
    " xe dip le, ko coc ko giu. ib zl nhanh a c oi",
    kind="post",
    variant="teencode",
)
# QR cards hung on motorbikes, doors and parking lots
P(
    "qr_card",
    "thanhnien_theqr",
    "THẺ QUÀ TẶNG 50.000đ. Mệnh giá thẻ này nhận được bằng cách quét mã QR để liên hệ bộ phận CSKH, cung"
    " cấp số thẻ và mật khẩu in trên thẻ. Để nhận tiền chỉ cần nạp 50K, được tặng thêm 50K. Số thẻ:"
    " 5081 2237, mật khẩu: 66130.",
    kind="post",
    nd=True,
)
P(
    "qr_card",
    "vietbao_qr",
    "the tang 100.000d cho khach gui xe. quet ma qr ben duoi lien he cskh, chup anh so tien tren the va"
    " tai khoan mat khau gui cho cskh de nhan tien ve tk ngan hang",
    kind="post",
    variant="no_diacritics",
)
P(
    "qr_card",
    "afamily_qr",
    "Chúc mừng quý khách nhận được thẻ tri ân 200.000 đồng! Quét mã QR, tải ứng dụng nhận quà và đăng"
    " nhập bằng tài khoản ngân hàng để tiền được chuyển về. Thẻ chỉ có giá trị trong 24 giờ.",
    kind="post",
)
P(
    "qr_card",
    "reatimes_qr",
    "the vang 50k treo xe may: quet qr de nhan, lien he cskh cung cap tk mk cua the, nap 50k duoc tang"
    " 50k, nap 200k tang 200k. nhan tien ngay vao tk",
    kind="post",
    variant="teencode",
)
# hospital fee calls, forged hospital letters
P(
    "hospital_call",
    "suckhoeviet_capcuu",
    "Alo chị là mẹ cháu Minh lớp 8A phải không? Cháu bị ngã cầu thang ở trường, đang cấp cứu tại Bệnh viện"
    " Nhi Trung ương, chấn thương sọ não cần mổ gấp. Bác sĩ yêu cầu nộp 10 triệu tạm ứng viện phí mới mổ."
    " Chị chuyển ngay vào tài khoản của tôi 1903 5541 2209, tôi nộp hộ cho kịp.",
    nd=True,
)
P(
    "hospital_call",
    "thuviensk_congvan",
    "Gửi quý nhà hảo tâm công văn xác nhận của Giám đốc Bệnh viện Nhi Đồng 1 (có chữ ký, đóng dấu) về"
    " hoàn cảnh bệnh nhi Lê Thị Mai. Bệnh viện nhờ gia đình tiếp nhận hỗ trợ qua tài khoản cá nhân"
    " 0591 0003 7714 MB, số tiền còn thiếu 86 triệu để phẫu thuật tim.",
    kind="post",
)
# BHYT (health insurance) debts, allowances and "BHYT điện tử" updates
P(
    "bhyt_scam",
    "phunutoday_bhyt",
    "Tôi gọi từ cơ quan Bảo hiểm xã hội. Bà Nguyễn Thanh Tâm, số CCCD 079 180 xxx, mã thẻ BHYT"
    " HC4797 9200 đúng không ạ? Bà đang nợ chi phí khám chữa bệnh BHYT 29 triệu đồng. Nếu không thanh"
    " toán trong hôm nay, cơ quan BHXH sẽ chuyển hồ sơ sang tòa án.",
    nd=True,
)
P(
    "bhyt_scam",
    "yeni_bhyt",
    "Chào chú, chú đã tham gia bảo hiểm y tế 5 năm liên tục nên được BHXH trợ cấp 5 triệu đồng. Để làm"
    " hồ sơ nhận, chú chuyển trước 6 triệu phí thủ tục vào tài khoản cán bộ phụ trách, xong thủ tục chú"
    " nhận về cả 5 triệu trợ cấp lẫn 6 triệu đã chuyển.",
    teen="chao chu, chu tham gia bhyt 5 nam lien tuc nen dc bhxh tro cap 5tr. de lam hs chu ck truoc 6tr"
    " phi thu tuc vao tk can bo phu trach, xong chu nhan ve ca 5tr tro cap lan 6tr da ck",
)
P(
    "bhyt_scam",
    "cafef_bhytdt",
    "Bảo hiểm xã hội hướng dẫn bác cập nhật sổ khám sức khỏe điện tử, BHYT điện tử để khám không phải xếp"
    " hàng. Bác cho cháu số tài khoản ngân hàng để liên kết thanh toán viện phí, rồi bấm vào link"
    " bhyt-dientu.vn-capnhat.com và chụp ảnh cận khuôn mặt để hoàn tất xác thực.",
    nd=True,
)
P(
    "bhyt_scam",
    "soha_bhyt_gialai",
    "bhxh thong bao: he thong y te quoc gia chuyen sang bhyt dien tu, nguoi dan chua cap nhat se khong duoc"
    " huong bhyt tu thang sau. cai ung dung tai link vssid-capnhat.app, nhap tk ngan hang va xac thuc"
    " khuon mat de duoc ho tro",
    variant="no_diacritics",
)
P(
    "bhyt_scam",
    "cafef_khamonline",
    "Chú muốn đăng ký khám online cho khỏi chen chúc thì để cháu hướng dẫn: chú cài ứng dụng khám bệnh"
    " ưu tiên cháu gửi qua Zalo, cập nhật sinh trắc học, rồi nhập mã OTP ngân hàng gửi về để kích hoạt"
    " thẻ BHYT điện tử. Làm ngay bây giờ thì thứ Hai chú khám được luôn.",
)
# credit cards by post, card "cancellation" help, card fees
P(
    "card_fee",
    "sggp_thetd",
    "Ngân hàng xin thông báo hồ sơ mở thẻ tín dụng hạn mức 50 triệu, lãi suất 0% của anh đã được duyệt."
    " Thẻ sẽ được bưu điện giao tận nhà, anh vui lòng nộp 1.650.000đ phí bảo hiểm thẻ cho nhân viên bưu"
    " điện khi nhận để kích hoạt.",
    nd=True,
)
P(
    "card_fee",
    "baogialai_vpbank",
    "Chúc mừng quý khách được tặng thẻ khách hàng thân thiết đa năng của ngân hàng, miễn lãi 3 năm. Phí"
    " phát hành 300.000 đồng, quý khách chuyển khoản trước để bộ phận thẻ gửi thẻ qua đường bưu điện trong"
    " 3 ngày làm việc.",
    teen="chuc mung qk dc tang the kh than thiet da nang cua nh, mien lai 3 nam. phi phat hanh 300k, qk"
    " ck truoc de bo phan the gui the qua buu dien trong 3 ngay lam viec",
)
P(
    "card_fee",
    "trangtrang_huythe",
    "Chào cô, cháu là nhân viên ngân hàng. Thẻ tín dụng cô đăng ký chưa dùng sẽ bị tính phí thường niên"
    " 990.000đ vào tuần sau. Cháu hỗ trợ cô hủy thẻ online, cô kết bạn Zalo kỹ thuật viên 0828 613 907,"
    " gửi ảnh CCCD hai mặt và làm theo hướng dẫn nhé.",
    nd=True,
)
P(
    "card_fee",
    "sggp_thetd",
    "nh thong bao the tin dung cua qk se bi thu phi thuong nien 1.200.000d. neu ko co nhu cau su dung"
    " vui long truy cap huythe-nganhang.com nhap so the, ngay het han va ma otp de huy mien phi truoc 17h"
    " hom nay",
    variant="no_diacritics",
)
# miracle medicines from fake doctors, monks and "institutes"
P(
    "miracle_medicine",
    "ldtd_thuoc",
    "Bác sĩ chuyên khoa Bệnh viện Quân đội tư vấn miễn phí: thuốc đặc trị giảm tác dụng phụ hóa trị, xạ"
    " trị, cho cả người ung thư giai đoạn cuối. Hộp 3,8 triệu, người già, người nghèo được giảm 40%, đặt"
    " cọc 1 triệu để bác sĩ kê đơn và gửi thuốc trong ngày.",
    kind="post",
    nd=True,
)
P(
    "miracle_medicine",
    "plpt_nhomkin",
    "nhom kin tu van xuong khop: thuoc dong y gia truyen hieu qua 100%, dau 10 nam cung khoi sau 2 lieu."
    " dang khuyen mai mua 2 tang 1, ck truoc de nhan hang som, ib e tu van",
    kind="comment",
    variant="teencode",
)
P(
    "miracle_medicine",
    "bth_thaytu",
    "Nam mô A Di Đà Phật. Thầy tu ở chùa trên núi bào chế thuốc nam chữa tiểu đường, tiền đình, xương"
    " khớp cho bà con phật tử, làm theo bài thuốc của Giáo hội. Mỗi liệu 2.500.000đ, chuyển khoản công"
    " đức trước, thầy gửi thuốc và hương tận nhà.",
    kind="post",
)
P(
    "miracle_medicine",
    "catp_halipix",
    "HALIPIX chữa dứt điểm cao huyết áp sau 1 liệu trình, làm sạch mạch máu và tan cục máu đông. Giá gốc"
    " 3.950.000đ/lọ, hôm nay Hiệp hội dược sĩ tài trợ còn 990.000đ cho 50 người đầu tiên. Để lại số điện"
    " thoại, đặt cọc 200k giữ suất.",
    kind="post",
    nd=True,
)
P(
    "miracle_medicine",
    "tienphong_xuongkhop",
    "thao duoc dap xuong khop gia truyen, dap 7 ngay het thoai hoa, gai cot song khong can mo. gan"
    " 80.000 nguoi da khoi. dat hang chuyen khoan truoc 50% vao stk luong y, hang ship toan quoc",
    kind="post",
    variant="no_diacritics",
)
# crypto airdrops, fake exchange staff
P(
    "crypto_airdrop",
    "nhadautu_airdrop",
    "Ví của bạn vừa nhận 15.000 USD token airdrop miễn phí! Để quy đổi sang USDT, truy cập"
    " swap-airdrop-claim.io, kết nối ví và bấm Approve cho hợp đồng nhận thưởng. Chương trình kết thúc"
    " sau 12 giờ.",
    nd=True,
)
P(
    "crypto_airdrop",
    "tttdt_airdrop",
    "airdrop chinh thuc 500 usdt cho 10.000 vi dau tien. nhap seed phrase 12 tu vao form xac minh vi de"
    " nhan, nap them 20 usdt phi gas kich hoat. link trong bio, nhanh tay ae",
    kind="post",
    variant="teencode",
)
P(
    "crypto_airdrop",
    "tttdt_airdrop",
    "Hỗ trợ viên dự án xin chào, ví của anh đủ điều kiện nhận airdrop nhưng đang bị hạn chế vì chưa xác"
    " minh. Anh gửi 0,05 ETH phí kích hoạt về địa chỉ ví dự án, sau 10 phút token sẽ mở khóa và rút được.",
)
# pyramid "đa cấp" health products and tokens
P(
    "mlm_health",
    "bth_dacap",
    "Công ty công nghệ TCIS từ Canada phát hành đồng TCIS, mua gói 1.000 USD nhận lãi 1%/ngày, giới"
    " thiệu thêm người nhận 10% hoa hồng mỗi tầng. Hội thảo cuối tuần có doanh nhân nước ngoài, đăng ký"
    " gói trước để được xếp vị trí cao trong hệ thống.",
    kind="post",
    nd=True,
)
P(
    "mlm_health",
    "blc_dacap",
    "lop hoc phat trien ban than + dau tu tai chinh AI mien phi tren zoom. hoc xong nang cap tk goi 5tr"
    " de mo khoa loi nhuan, moi them 2 nguoi vao duoc hoan von + hoa hong 20%. vao nhom zalo de dc huong"
    " dan",
    kind="post",
    variant="teencode",
)
P(
    "mlm_health",
    "catp_tpcn",
    "Sản phẩm bột dinh dưỡng chữa được hơn 100 bệnh, hiệu quả gấp 100 lần thuốc tây. Tham gia làm nhà phân"
    " phối chỉ cần mua gói khởi nghiệp 12 triệu, tuyển đủ 3 tuyến dưới là hoàn vốn trong 1 tháng, lên"
    " Giám đốc được thưởng ô tô. Đăng ký tại hội thảo sức khỏe sáng Chủ nhật.",
    kind="post",
)
P(
    "mlm_health",
    "vietpress_bitney",
    "Chị đầu tư 5 triệu mua combo thực phẩm giảm cân nhập khẩu, mở được 1 nhánh nhị phân. Nhánh trái"
    " nhánh phải mỗi bên đủ 2 người là chị nhận thưởng cân cặp 1,5 triệu mỗi tuần. Em gửi chị link đăng"
    " ký thành viên, chuyển khoản hôm nay để kịp vào đợt xếp cây.",
    nd=True,
)
# services paid first (photo editing for Tết)
P(
    "photo_service",
    "cafef_ghepanh",
    "Ghép ảnh Tết Bính Ngọ đẹp như đi chụp thật, chỉ 49k/ảnh, 99k/3 ảnh. Page tích xanh, hơn 200 nghìn"
    " người theo dõi. Chuyển khoản trước, gửi ảnh gốc qua tin nhắn, 30 phút nhận ảnh. Chỉ nhận đơn đến"
    " hết hôm nay.",
    kind="post",
    nd=True,
)
P(
    "photo_service",
    "cafef_ghepanh",
    "don ghep anh cua c bi loi file roi, c ck them 150k phi xuat file chat luong cao thi moi gui duoc nha,"
    " ko ck thi don bi huy va ko hoan coc",
    variant="teencode",
)
# fake seed, fertilizer and flower sellers
P(
    "agri_input",
    "knt_giong",
    "Đại lý cấp 1 lúa giống ThaiBinh Seed, Vinaseed giá gốc nhà máy, rẻ hơn cửa hàng 20%. Bà con chuyển"
    " khoản trước 50% là xe chở giống tới tận ruộng. Số lượng có hạn cho vụ mùa, gọi 0868 221 507.",
    kind="post",
    nd=True,
)
P(
    "agri_input",
    "knt_giong",
    "thuoc bao ve thuc vat nhap khau diet sach ray nau, sau cuon la chi 1 lan phun. gia kho 450k/chai, ck"
    " truoc nhan hang, bao hieu qua hoan tien. bac nao can ib zl 0868 221 507",
    kind="post",
    variant="teencode",
)
P(
    "agri_input",
    "2lua_phanbon",
    "Giấy mời tập huấn kỹ thuật chăm sóc vật nuôi, cây trồng tại nhà văn hóa thôn. Tại buổi tập huấn bà con"
    " được mua ưu đãi phân bón lá A4 làm cây ra quả chi chít và siêu dinh dưỡng cho heo gà lớn như thổi,"
    " 190 nghìn một lọ, chỉ bán trong buổi hôm nay.",
    kind="post",
)
P(
    "agri_input",
    "vnn_chohoa",
    "Cúc Đà Lạt đóng thùng rồi anh, em quay video cho anh xem rồi đó. Nhà xe báo cước, anh chuyển đủ tiền"
    " hàng 2.850.000đ trước để em gửi xe đêm nay, hóa đơn nhà xe có tên anh em gửi đây. Sáng mai anh ra"
    " bến nhận.",
    nd=True,
)
# fake IELTS registrations, online classes, summer camps
P(
    "online_course",
    "hue_ielts",
    "Em bên trung tâm luyện thi - đăng ký thi IELTS, cô Hà phụ trách lớp em. Lịch thi tháng này bị dời, em"
    " chuyển thêm 4.500.000đ lệ phí đổi lịch vào tài khoản mẹ cô giúp trung tâm, thi xong trung tâm hoàn"
    " lại toàn bộ cho em.",
    nd=True,
)
P(
    "online_course",
    "hnm_khoahoc",
    "chuc mung con chi la 1 trong 30 hoc sinh nhan hoc bong 100% khoa hoc online toan, tieng viet, tieng"
    " anh tri gia 6 trieu. chi chi can dong 450k phi tao tai khoan trong hom nay de giu suat",
    variant="no_diacritics",
)
P(
    "online_course",
    "baonghean_trai",
    "MÙA HÈ QUÂN ĐỘI 2025 - ưu đãi 50% cho 100 phụ huynh đầu tiên! Đăng ký sớm, nếu chờ đến hè học phí sẽ"
    " gấp đôi. Phụ huynh vào nhóm Telegram làm vài nhiệm vụ khảo sát nhỏ, hoàn thành được hoàn tiền cọc"
    " kèm hoa hồng.",
    kind="post",
    teen="MUA HE QUAN DOI 2025 uu dai 50% cho 100 ph dau tien! dk som, cho den he hoc phi x2. ph vao nhom"
    " tele lam vai nv khao sat nho, hoan thanh dc hoan coc kem hoa hong",
)
P(
    "online_course",
    "plxh_ielts",
    "Lớp IELTS cam kết 7.0 do cô Lê Yến trực tiếp dạy, học phí 18 triệu. Hôm nay chỉ cần đặt cọc 8 triệu"
    " giữ chỗ, lớp chỉ còn 2 suất. Cọc không hoàn lại nếu bạn đổi ý.",
    kind="comment",
)
# fake e-commerce platforms, flash shops, dropship schemes
P(
    "fake_platform",
    "nld_starlink",
    "Mở gian hàng trên sàn Starlink888 của tỉ phú Elon Musk, không cần vốn, không cần nhập hàng. Khách"
    " đặt đơn thì bạn nạp tiền thanh toán cho kho, hàng giao xong nhận lại gốc và lãi 20 - 30%. Inbox để"
    " được cấp link đăng ký.",
    kind="post",
    nd=True,
)
P(
    "fake_platform",
    "thanhnien_dropship",
    "don hang cua shop c dang bi treo vi chua du so du, c nap them 12.600.000d vao vi cua hang de he thong"
    " xac nhan 46 don, xong tra ca goc lan lai. neu ko nap trong 30p don bi huy va tk bi phat",
    variant="teencode",
)
P(
    "fake_platform",
    "antg_sangia",
    "Anh mua iPhone 15 Pro Max trên sàn giá 34 triệu, mua qua tin nhắn chỉ 21 triệu vì là hàng nội bộ sàn"
    " thanh lý. Em gửi anh link trang sàn để kiểm tra, anh chuyển khoản 100% cho em để em lên đơn ngay.",
)
P(
    "fake_platform",
    "antg_gianhang",
    "XẢ KHO đóng cửa gian hàng: nồi chiên không dầu giảm 70%, máy lọc không khí còn 590k. Chỉ bán 3 ngày,"
    " thanh toán chuyển khoản trước cho shop để được giá xả, không nhận COD.",
    kind="post",
    nd=True,
)
# gold pre-orders, collectibles, gem auctions, a fake brand deal
P(
    "gold_preorder",
    "afamily_vang",
    "Tiệm vàng nhận đặt cọc giữ giá vàng vía Thần Tài, giữ chỗ trước nhận vàng sau, cọc 30% qua mã QR bên"
    " dưới. Nguồn hàng ngày vía rất khan hiếm, cọc trước 18h hôm nay mới giữ được giá.",
    kind="post",
    nd=True,
)
P(
    "gold_preorder",
    "afamily_vang",
    "chi oi giao dich coc cua chi bi loi do ghi sai noi dung chuyen khoan, he thong chua nhan. chi doc ma"
    " otp vua gui ve hoac chia se man hinh de ben em ho tro hoan tien cho chi nhe",
    variant="teencode",
)
P(
    "collectible_sale",
    "thanhnien_labubu",
    "Labubu bản giới hạn hàng hiếm, full box, 5,8 triệu. Nhiều người đang hỏi, chị chuyển đủ tiền ngay thì"
    " em giữ cho chị, sáng mai shipper giao. Không giữ hàng khi chưa chuyển khoản.",
    nd=True,
)
P(
    "gem_auction",
    "soha_daquy",
    "Phiên đấu giá đá quý livestream tối nay: góp tiền chung mua viên đá thô, đập ra đá quý chia theo phần"
    " góp. Ai muốn vào phiên chuyển khoản cho chủ phiên trước khi chốt giá, đá ra ngọc là trúng lớn.",
    kind="post",
)
P(
    "brand_deal",
    "vne_vinfast",
    "VinFast ra mắt xe điện gấp gọn tri ân khách hàng chỉ 286.000đ, số lượng có hạn. Nhắn tin cho page để"
    " đặt cọc 99.000đ nhận ưu đãi, để lại họ tên, số CCCD và số tài khoản để nhận mã giao xe.",
    kind="post",
    nd=True,
)
# e-wallet "verification" and "you received money" links
P(
    "ewallet_verify",
    "kienthuc_vidt",
    "Nhân viên ví điện tử xin thông báo: từ 1/7 ví phải xác thực lại thông tin như tài khoản ngân hàng."
    " Anh đọc giúp em mã OTP vừa gửi về để em cập nhật, không cập nhật ví sẽ bị khóa trong 24 giờ.",
    nd=True,
)
P(
    "ewallet_verify",
    "kienthuc_vidt",
    "[Vi dien tu] Ban vua nhan duoc 2.500.000d tu giao dich lien vi. Dang nhap tai vi-nhantien.com de xac"
    " nhan giao dich va nhan tien truoc 23h59.",
    variant="no_diacritics",
)

# --- hard negatives ----------------------------------------------------------------------------
# real e-commerce order and refund notices
N(
    "ecommerce_notice_real",
    "Đơn hàng 2511270QK8 của bạn đã được giao thành công. Nếu sản phẩm lỗi, bạn có thể yêu cầu Trả hàng/Hoàn"
    " tiền trong ứng dụng trong 15 ngày. Tiền hoàn sẽ về phương thức thanh toán ban đầu; sàn không gọi điện"
    " yêu cầu bạn chuyển khoản để nhận hoàn tiền.",
    kind="comment",
    nd=True,
)
N(
    "ecommerce_notice_real",
    "Yêu cầu hoàn tiền cho đơn 2511190XT2 đã được chấp nhận. Số tiền 345.000đ sẽ được hoàn vào ví của bạn"
    " trong 1-3 ngày làm việc. Xem chi tiết tại mục Đơn mua > Trả hàng/Hoàn tiền.",
    kind="comment",
)
N(
    "ecommerce_notice_real",
    "shop oi e nhan hang roi nhung bi thieu 1 cai op, e tao yeu cau tra hang tren app roi nha, shop duyet"
    " giup e. k can ck lai dau, app tu hoan ve vi",
    kind="comment",
    variant="teencode",
)
N(
    "ecommerce_notice_real",
    "Kinh nghiệm mua đợt sale 12.12: chỉ thanh toán trong ứng dụng của sàn, gian hàng mới mở giá rẻ bất"
    " thường thì xem đánh giá và số đơn đã bán, ai nhắn mua ngoài sàn cho rẻ hơn thì bỏ qua.",
    nd=True,
)
# real ride-hailing and delivery driver recruitment, ordinary driver messages
N(
    "driver_real",
    "Tuyển tài xế công nghệ: đăng ký trực tiếp trên ứng dụng đối tác tài xế, mang CCCD, bằng lái, giấy"
    " đăng ký xe đến văn phòng để xác minh và tập huấn. Không thu phí đăng ký, không cho thuê hay mua bán"
    " tài khoản.",
    nd=True,
)
N(
    "driver_real",
    "Anh tới cổng rồi chị ơi, xe biển 29H1-228.xx như trên app, chị ra nhận đồ ăn nhé. Đơn đã thanh toán"
    " qua ví rồi nên chị không phải trả thêm gì.",
    kind="comment",
)
N(
    "driver_real",
    "a toi sanh chung cu r nha e, don tien mat 85k, e xuong lay giup a. a mac ao xanh, bien so dung tren app",
    kind="comment",
    variant="teencode",
)
N(
    "driver_real",
    "Hãng vận chuyển tuyển shipper xe máy tại Hà Đông, thu nhập theo đơn, cấp đồng phục và túi giao hàng"
    " miễn phí. Ký hợp đồng tại bưu cục, không thu tiền cọc.",
)
# real hospital bills and fee notices
N(
    "hospital_real",
    "Bệnh viện thông báo: người bệnh, người nhà thanh toán viện phí tại quầy thu ngân tầng 1 hoặc quét mã"
    " QR in trên phiếu thanh toán có tên bệnh viện. Bệnh viện không gọi điện yêu cầu chuyển tiền vào tài"
    " khoản cá nhân; người bệnh cấp cứu luôn được cấp cứu trước.",
    nd=True,
)
N(
    "hospital_real",
    "Phiếu tạm ứng: bệnh nhân Trần Văn Bình, khoa Ngoại chấn thương, số tiền tạm ứng 3.000.000 đồng, đã nộp"
    " tại quầy thu ngân số 2. Khi ra viện, bệnh viện quyết toán theo chi phí thực tế và phần BHYT chi trả.",
    kind="comment",
)
N(
    "hospital_real",
    "me o vien 5 ngay, bhyt tra 80%, nha minh dong phan con lai 2tr1 o quay thu ngan luc ra vien. co hoa"
    " don day du nen ai hoi thi cu yen tam",
    kind="comment",
    variant="teencode",
)
# registered funds' appeals for sick children, hospitals' social work rooms
N(
    "child_fund_real",
    "Quỹ Bảo trợ trẻ em tỉnh tiếp nhận ủng hộ cho bé Nguyễn Gia Bảo (bệnh tim bẩm sinh) qua tài khoản của"
    " Quỹ mở tại Kho bạc, có xác nhận của UBND xã và bệnh viện. Danh sách ủng hộ và số tiền trao cho gia"
    " đình được công khai trên trang của Quỹ.",
    nd=True,
)
N(
    "child_fund_real",
    "Phòng Công tác xã hội của bệnh viện là kênh duy nhất tiếp nhận hỗ trợ cho bệnh nhi, có biên nhận và"
    " công khai. Bệnh viện không nhờ người nhà nhận tiền vào tài khoản cá nhân và không có bệnh nhi nào bị từ"
    " chối điều trị vì không có tiền.",
)
N(
    "child_fund_real",
    "Hội Chữ thập đỏ phường trao 20 triệu đồng từ quỹ nhân đạo cho gia đình cháu Lan bị ung thư máu, số"
    " tiền do cán bộ, nhân dân đóng góp tại trụ sở phường theo sổ ghi nhận.",
    kind="article",
)
# real pet shops
N(
    "pet_shop_real",
    "Cửa hàng thú cưng ở 45 Lê Hồng Phong có mèo Anh lông ngắn 2 tháng, đã tiêm 2 mũi, có sổ tiêm. Khách"
    " đến xem tận nơi, ưng thì thanh toán tại cửa hàng, bảo hành sức khỏe 7 ngày.",
    nd=True,
)
N(
    "pet_shop_real",
    "nha minh de 4 be cho ta, cho nuoi mien phi cho ai thuong cho, qua nha xem truc tiep roi don be ve. ko"
    " ban, ko nhan coc",
    kind="post",
    variant="teencode",
)
N(
    "pet_shop_real",
    "Mất chó Corgi màu vàng ở An Khánh tối 18/11, đeo vòng cổ đỏ. Ai thấy xin báo số 0903 xxx, gia đình gửi"
    " cảm ơn khi nhận lại được bé. Gia đình đã trình báo công an phường.",
)
# rentals with a contract
N(
    "rental_contract_real",
    "Cho thuê xe tự lái có hợp đồng: khách mang CCCD, bằng lái B2 đến cửa hàng ký hợp đồng, xem xe trực"
    " tiếp rồi đặt cọc tại quầy, có phiếu thu. Giá 900k/ngày, giao xe tại cửa hàng số 12 Phan Chu Trinh.",
    nd=True,
)
N(
    "rental_contract_real",
    "thue xe may o da lat thi ra tiem gan cho, de cccd lam tin, tra xe tra tien, khong can coc online"
    " gi het. minh thue 2 lan deu on",
    kind="comment",
    variant="teencode",
)
N(
    "rental_contract_real",
    "Hợp đồng thuê xe số 115/HĐ: bên cho thuê giao xe Kia K3 biển 30E-xxx, thời hạn 7 ngày, tiền cọc 5 triệu"
    " đồng đã nhận bằng chuyển khoản vào tài khoản công ty, hai bên ký tên và giữ mỗi bên một bản.",
    kind="comment",
)
# real QR payments at shops, chargers and car parks
N(
    "qr_payment_real",
    "Quán thanh toán bằng mã QR in trên quầy, tên tài khoản hiện đúng tên quán khi quét. Quý khách kiểm"
    " tra tên người nhận trước khi xác nhận, nhân viên không nhận chuyển khoản vào tài khoản khác.",
    nd=True,
)
N(
    "qr_payment_real",
    "Trạm sạc: khởi động phiên sạc bằng ứng dụng chính thức của hãng, thanh toán trong ứng dụng sau khi"
    " sạc xong. Không quét mã QR dán thêm lên trụ sạc; mã lạ xin báo cho tổng đài in trên trụ.",
)
N(
    "qr_payment_real",
    "bai xe benh vien gio thu tien qua ma qr tren ve xe, quet ra dung ten cong ty trong giu xe, 5k/luot."
    " ai chua quen thi tra tien mat van dc",
    kind="comment",
    variant="teencode",
)
N(
    "qr_payment_real",
    "Hóa đơn tiền điện tháng 11 có mã QR thanh toán; khách hàng có thể quét bằng ứng dụng ngân hàng, màn"
    " hình hiện tên công ty điện lực và mã khách hàng. Không cần cài thêm ứng dụng nào.",
    kind="comment",
)
# exchanges' and wallets' own safety notices, crypto talk
N(
    "crypto_safety_real",
    "Sàn thông báo: nhân viên hỗ trợ không bao giờ nhắn tin riêng, không hỏi cụm từ khôi phục hay mật khẩu,"
    " không yêu cầu chuyển tiền để mở khóa tài khoản. Airdrop chính thức chỉ đăng trên trang của sàn.",
    nd=True,
)
N(
    "crypto_safety_real",
    "vi minh tu nhien co token la tri gia may nghin do, doc bao thi biet la bay nen an di, ko swap ko ket"
    " noi web la. ae gap thi cu ke no",
    kind="comment",
    variant="teencode",
)
# pupils' scholarships
N(
    "pupil_scholarship_real",
    "Trường THCS thông báo: 15 học sinh có hoàn cảnh khó khăn, học lực giỏi được nhận học bổng 2 triệu"
    " đồng/em từ Hội Khuyến học xã. Học bổng trao trực tiếp tại lễ khai giảng, phụ huynh không phải nộp"
    " bất kỳ khoản phí nào.",
    nd=True,
)
N(
    "pupil_scholarship_real",
    "Cô chủ nhiệm nhắn phụ huynh: em Hà được học bổng của công ty tài trợ, tiền chuyển vào tài khoản đứng"
    " tên em mở tại ngân hàng, phụ huynh ký nhận ở văn phòng trường sáng thứ Hai.",
    kind="comment",
)
# real BHYT notices
N(
    "bhyt_real",
    "BHXH huyện thông báo: thẻ BHYT hộ gia đình hết hạn 31/12, người dân gia hạn tại đại lý thu xã hoặc trên"
    " ứng dụng VssID chính thức. Cơ quan BHXH không gọi điện thông báo nợ viện phí, không yêu cầu chuyển"
    " tiền hay cài ứng dụng qua đường link.",
    nd=True,
)
N(
    "bhyt_real",
    "Khám chữa bệnh BHYT có thể dùng ảnh thẻ trên VNeID hoặc VssID, không cần thẻ giấy. Người bệnh xuất"
    " trình tại quầy tiếp đón của bệnh viện.",
)
N(
    "bhyt_real",
    "nam nay me e gia han bhyt ho gia dinh o buu dien xa, dong 1tr1 co bien lai, 2 tuan sau co the moi."
    " ko ai goi dien thu tien gi ca",
    kind="comment",
    variant="teencode",
)
N(
    "bhyt_real",
    "Tin nhắn từ BHXH Việt Nam: Thẻ BHYT của ông/bà đã được gia hạn đến 31/12/2026. Tra cứu tại ứng dụng"
    " VssID. BHXH không yêu cầu cung cấp mã OTP.",
    kind="comment",
)
# bank annual-fee notices
N(
    "card_fee_real",
    "Ngân hàng thông báo: phí thường niên thẻ tín dụng năm thứ hai là 499.000 đồng, được miễn nếu tổng chi"
    " tiêu năm đạt 36 triệu. Quý khách muốn đóng thẻ vui lòng thao tác trên ứng dụng ngân hàng hoặc đến"
    " chi nhánh; ngân hàng không hỗ trợ hủy thẻ qua Zalo.",
    nd=True,
)
N(
    "card_fee_real",
    "Sao kê tháng 11: phí thường niên thẻ 299.000đ đã ghi nợ vào thẻ của quý khách, hạn thanh toán tối thiểu"
    " ngày 15/12. Chi tiết xem trên ứng dụng ngân hàng.",
    kind="comment",
)
N(
    "card_fee_real",
    "minh ra chi nhanh huy the tin dung, nv bao phai tra het du no va phi thuong nien nam nay roi ky giay"
    " huy tai quay, mat 15p la xong",
    kind="comment",
    variant="teencode",
)
# real online-course refund policies, real exam registration
N(
    "course_refund_real",
    "Chính sách hoàn học phí: học viên được hoàn 100% nếu rút trước buổi học đầu tiên, 50% nếu rút sau 2"
    " buổi. Yêu cầu gửi qua email của trung tâm, tiền hoàn về tài khoản đã đóng học phí trong 7 ngày làm"
    " việc.",
    nd=True,
)
N(
    "course_refund_real",
    "Đăng ký thi IELTS trực tiếp trên trang của đơn vị tổ chức thi hoặc tại văn phòng đại diện; lệ phí nộp"
    " vào tài khoản đứng tên đơn vị, có biên nhận. Dời lịch thi theo quy định công bố trên trang chính"
    " thức.",
)
N(
    "course_refund_real",
    "khoa hoc online cua trung tam co xuat hoa don, con e hoc thu 1 buoi k hop nen e xin rut, 3 ngay sau"
    " ho hoan lai du tien vao tk cua e",
    kind="comment",
    variant="teencode",
)
# lottery results
N(
    "lottery_result_real",
    "Kết quả xổ số kiến thiết miền Nam ngày 27/11: giải đặc biệt 418305. Người trúng thưởng lĩnh tại công"
    " ty xổ số hoặc đại lý, mang theo vé gốc và CCCD; công ty không gọi điện thông báo trúng thưởng.",
    kind="article",
    nd=True,
)
N(
    "lottery_result_real",
    "Vietlott: kỳ quay Power 6/55 tối nay có 1 vé trúng Jackpot 2. Vé bán tại điểm bán hàng ở Cần Thơ, người"
    " trúng liên hệ văn phòng Vietlott để làm thủ tục lĩnh thưởng.",
    kind="article",
)
# agricultural input shops
N(
    "agri_shop_real",
    "Đại lý vật tư nông nghiệp Hai Thành có lúa giống xác nhận, phân NPK và thuốc BVTV có nhãn đăng ký."
    " Bà con mua tại cửa hàng, có hóa đơn; giao tận ruộng trong xã, thanh toán khi nhận hàng.",
    nd=True,
)
N(
    "agri_shop_real",
    "Trạm khuyến nông huyện mời bà con dự tập huấn phòng trừ rầy nâu vụ đông xuân tại nhà văn hóa thôn."
    " Buổi tập huấn miễn phí, không bán hàng.",
)
N(
    "agri_shop_real",
    "nam nay vua hoa nha minh giao cho thuong lai quen, co hop dong, coc 30% truoc, hang len xe thi tra du."
    " ai moi lam thi nen ghi giay to ro rang",
    kind="comment",
    variant="teencode",
)
# licensed pharmacies and medicine-ad warnings
N(
    "medicine_real",
    "Nhà thuốc đạt chuẩn GPP số 3 bán thuốc theo đơn của bác sĩ, có hóa đơn và dược sĩ tư vấn tại quầy. Nhà"
    " thuốc không bán thuốc qua các nhóm kín và không nhận đặt cọc trước.",
    nd=True,
)
N(
    "medicine_real",
    "Cục Quản lý Dược khuyến cáo: thực phẩm bảo vệ sức khỏe không phải là thuốc, không có tác dụng thay thế"
    " thuốc chữa bệnh. Người dân tra cứu số đăng ký thuốc trên cổng thông tin của Cục trước khi mua.",
    kind="article",
)
N(
    "medicine_real",
    "Bố em tái khám xương khớp ở bệnh viện tỉnh, bác sĩ kê đơn 1 tháng, mua tại nhà thuốc bệnh viện hết"
    " 640 nghìn, có BHYT chi trả một phần.",
    kind="comment",
)
# wedding and photo services with a contract
N(
    "event_service_real",
    "Studio nhận chụp ảnh cưới và ghép ảnh gia đình: ký hợp đồng, đặt cọc 30% tại studio hoặc chuyển khoản"
    " vào tài khoản công ty ghi trong hợp đồng, phần còn lại thanh toán khi nhận ảnh.",
    nd=True,
)
N(
    "event_service_real",
    "ben decor cuoi cua nha minh lam dep lam, hop dong ghi ro tung hang muc, coc 20% ky tai van phong, xong"
    " tiec moi thanh toan phan con lai",
    kind="comment",
    variant="teencode",
)
# news quoting the new scam messages while warning
N(
    "warning_quote_new",
    'Công an TP cảnh báo: các đối tượng treo thẻ nhựa màu vàng ghi "50.000đ" trên xe máy, hướng dẫn'
    ' "quét mã QR, cung cấp tài khoản mật khẩu của thẻ, nạp 50K được tặng 50K". Người dân tuyệt đối không'
    " làm theo, thấy đối tượng treo thẻ thì báo công an gần nhất.",
    kind="article",
    nd=True,
)
N(
    "warning_quote_new",
    "Bệnh viện Nhi Trung ương khẳng định không bao giờ có chuyện phải nộp tiền thì bệnh nhân mới được cấp"
    ' cứu. Phụ huynh nhận cuộc gọi "con ngã cầu thang, chuyển gấp 10 triệu tạm ứng viện phí" cần gọi ngay'
    " cho con và nhà trường để xác minh.",
    kind="article",
)
N(
    "warning_quote_new",
    'BHXH tỉnh cảnh báo các cuộc gọi xưng là cán bộ bảo hiểm, nói người dân "nợ chi phí khám BHYT 29 triệu"'
    ' hoặc "tham gia BHYT 5 năm được trợ cấp 5 triệu, chuyển trước 6 triệu phí thủ tục". Đây là lừa đảo;'
    " cơ quan BHXH không thu tiền qua điện thoại.",
    kind="article",
    nd=True,
)
N(
    "warning_quote_new",
    'Công an cảnh báo bài đăng kêu gọi "ủng hộ bé mổ não tại Bệnh viện Đa khoa Bình Dương" kèm số tài'
    " khoản cá nhân là tin giả. Người dân chỉ đóng góp qua cơ quan, tổ chức chính thống và không chia sẻ các"
    " bài viết này.",
    kind="article",
)


SET.write(Path(__file__).with_name("scam_fresh5.jsonl"), "is", "in")
