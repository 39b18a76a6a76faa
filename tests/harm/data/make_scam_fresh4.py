"""Build tests/harm/data/scam_fresh4.jsonl: a fifth labelled set for the scam rules, never seen by them.

Written on 27 Nov 2026 by a helper who had NOT read src/tinhhinh/data/scam_rules.yaml,
src/tinhhinh/harm/scam.py nor tests/harm/test_scam.py (beyond the later sets' disjoint-sources test), and
committed before the set was scored, so that the lead's first score of rules 2026.11.27-5 on it is a clean
measurement (issue #7 item 1). Positives paraphrase scam messages described in published police / bank /
ministry / press warnings whose URLs are in none of scam_set.jsonl, scam_fresh.jsonl, scam_fresh2.jsonl,
scam_fresh3.jsonl (tests/harm/test_scam_blind_sets.py checks this); they favour what an office meets in
2025-2026 and what the earlier sets have least of: "chuẩn hóa thuê bao" SIM-lock calls, sextortion with
real or face-swapped videos, fake bank / e-wallet / VNeID / licence apps and "nợ xấu CIC" calls, personal
income tax refunds, insurance "cancel the contract" and auto-subscription traps, visas and labour export,
flood-relief appeals after the 2025 storms, "làm sạch dữ liệu đất đai", airline tickets with a real booking
code, concert tickets, gold / forex mentors, foreign soldiers' parcels, hacked relatives' accounts, court
summons and arrest warrants, lawyers who "recover" scammed money, loan-app fees and card-limit calls, new
power-company customer codes, study-abroad exchange fees, new task-job scripts, driving-licence exchanges.
Phone, account and booking numbers and links are invented. Many are typed the way such messages look:
without marks or in teencode (typed by hand). Negatives are hard ones of kinds the earlier sets lack: real
tax-refund notices, real power bills and planned outages, real insurance claims, real study-abroad fairs,
airline promotions, land sales with a notary, family chats asking for money with context, real court
notices, real SIM-standardisation notices that send people to a shop, news quoting scam messages while
warning, official flood-relief accounts, concert ticket rules, gold prices, labour-export registration,
bank loans, no-fee jobs.
Run: PYTHONPATH=src python tests/harm/data/make_scam_fresh4.py
"""

from pathlib import Path

from scamsets import ScamSet

S = {
    "cafef_hoanthue": (
        "CafeF",
        "Vừa làm xong thủ tục hoàn thuế thu nhập 5 triệu đồng, cô gái tá hỏa thấy tài khoản bị trừ 500 triệu",
        "https://cafef.vn/vua-lam-xong-thu-tuc-hoan-thue-thu-nhap-5-trieu-dong-co-gai-ta-hoa-thay-tai-khoan-bi-tru-500-trieu-co-quan-thue-khang-dinh-dung-quy-dinh-lo-tro-lua-dao-moi-188250223145551583.chn",
    ),
    "cafef_ehuyentrang": (
        "CafeF (theo Công an tỉnh Quảng Ninh)",
        'Thông tin mới về đầu số "EHUYENTRANG", "EMMINHNGUYET" gọi đến người dân',
        "https://cafef.vn/thong-tin-moi-ve-dau-so-ehuyentrang-emminhnguyet-goi-den-nguoi-dan-can-biet-de-khong-bi-sa-luoi-188251209083541124.chn",
    ),
    "thtv_chuanhoa": (
        "Truyền hình Thanh Hóa",
        "Cảnh giác chiêu trò lừa đảo gọi mời chuẩn hóa thông tin thuê bao",
        "https://truyenhinhthanhhoa.vn/canh-giac-chieu-tro-lua-dao-goi-moi-chuan-hoa-thong-tin-thue-bao-180230327202039945.htm",
    ),
    "2sao_khoasim": (
        "2Sao (theo NCSC)",
        "Cảnh giác cuộc gọi lừa đảo đe dọa khóa SIM",
        "https://2sao.vn/canh-giac-cuoc-goi-lua-dao-de-doa-khoa-sim-339123.html",
    ),
    "cld_khoasim": (
        "Chống Lừa Đảo (chongluadao.vn, theo Cục An toàn thông tin)",
        "Lừa đảo “khóa sim” vì chưa chuẩn hóa thuê bao và cách phòng tránh",
        "https://chongluadao.vn/blog/khoasim",
    ),
    "soha_chatsex_hn": (
        "Soha (theo Công an TP Hà Nội)",
        "Công an Hà Nội cảnh báo nóng",
        "https://soha.vn/cong-an-ha-noi-canh-bao-nong-198251019172421879.htm",
    ),
    "cafef_ghepanh_angiang": (
        "CafeF (theo Công an tỉnh An Giang)",
        "An Giang: Lại tái diễn tình trạng ghép ảnh nhạy cảm để tống tiền",
        "https://cafef.vn/an-giang-lai-tai-dien-tinh-trang-ghep-anh-nhay-cam-de-tong-tien-188250221072103632.chn",
    ),
    "vnexpress_ghepanh": (
        "VnExpress",
        "Thủ đoạn cắt ghép tạo ảnh 'giường chiếu' để nhắn tin tống tiền",
        "https://vnexpress.net/thu-doan-cat-ghep-tao-anh-giuong-chieu-de-nhan-tin-tong-tien-4854834.html",
    ),
    "soha_tinder": (
        "Soha (theo Công an TP Đà Nẵng)",
        "Công an phát cảnh báo khẩn: Người dùng ứng dụng hẹn hò, đặc biệt là Tinder phải cảnh giác",
        "https://soha.vn/cong-an-phat-canh-bao-khan-nguoi-dung-ung-dung-hen-ho-dac-biet-la-tinder-phai-canh-giac-198260123222727158.htm",
    ),
    "gdxh_chatsex_hp": (
        "Gia đình và Xã hội (theo Công an TP Hải Phòng)",
        "Công an TP. Hải Phòng cảnh báo thủ đoạn 'chat sex' tống tiền",
        "https://giadinh.suckhoedoisong.vn/cong-an-tp-hai-phong-canh-bao-thu-doan-chat-sex-tong-tien-17225120909570638.htm",
    ),
    "gdxh_vcb_tuyendung": (
        "Gia đình và Xã hội (theo Vietcombank, BIDV, TPBank)",
        "Ngân hàng Vietcombank, BIDV, TPBank cảnh báo thủ đoạn lừa đảo mới qua mạng xã hội",
        "https://giadinh.suckhoedoisong.vn/ngan-hang-vietcombank-bidv-tp-bank-canh-bao-thu-doan-lua-dao-moi-qua-mang-xa-hoi-nguoi-dung-canh-giac-keo-mat-sach-tien-trong-tai-khoan-172250827084616694.htm",
    ),
    "ttdtm_vcb_app": (
        "ttdtm.com (theo Vietcombank)",
        "Vietcombank cảnh báo khẩn về ứng dụng giả mạo đánh cắp tiền trong tài khoản",
        "https://ttdtm.com/vietcombank-emergency-warning-against-fake-apps-stealing-bank-account-money",
    ),
    "cafef_bianlian": (
        "CafeF (theo KienlongBank)",
        "Ngân hàng cảnh báo thủ đoạn chiếm đoạt tiền mới nhất",
        "https://cafef.vn/ngan-hang-canh-bao-thu-doan-chiem-doat-tien-moi-nhat-188250816195250647.chn",
    ),
    "soha_cic": (
        "Soha (theo VPBank)",
        "Sau sự cố thông tin tại CIC, những cuộc gọi, tin nhắn, email nào cần đặc biệt cảnh giác",
        "https://soha.vn/sau-su-co-thong-tin-tai-cic-nhung-cuoc-goi-tin-nhan-email-nao-can-dac-biet-canh-giac-19825092316565611.htm",
    ),
    "cafef_sbv_apk": (
        "CafeF (theo Cục CNTT, Ngân hàng Nhà nước)",
        "Ngân hàng Nhà nước ra cảnh báo",
        "https://cafef.vn/ngan-hang-nha-nuoc-ra-canh-bao-188250909092102368.chn",
    ),
    "cafef_homecredit": (
        "CafeF (theo Home Credit)",
        "Nguyên nhân nhiều người có khoản vay tại ngân hàng, công ty tài chính mà không hề hay biết",
        "https://cafef.vn/nguyen-nhan-nhieu-nguoi-co-khoan-vay-tai-ngan-hang-cong-ty-tai-chinh-ma-khong-he-hay-biet-188251126105328065.chn",
    ),
    "cafef_9so": (
        "CafeF (theo Vietcombank)",
        "9 số điện thoại tuyệt đối không bắt máy, không kết bạn Zalo",
        "https://cafef.vn/9-so-dien-thoai-tuyet-doi-khong-bat-may-khong-ket-ban-zalo-188251105060737482.chn",
    ),
    "tnck_baohiem": (
        "Tin nhanh Chứng khoán (Đầu tư Chứng khoán)",
        "Lừa đảo mạo danh bảo hiểm: “Chốt đơn” online, mất tiền thật",
        "https://tinnhanhchungkhoan.vn/lua-dao-mao-danh-bao-hiem-chot-don-online-mat-tien-that-post367090.html",
    ),
    "cafef_baohiem_hanghoa": (
        "CafeF",
        "Cảnh báo lừa đảo chuyển khoản tự động kích hoạt mua bảo hiểm hàng hóa",
        "https://cafef.vn/canh-bao-lua-dao-chuyen-khoan-tu-dong-kich-hoat-mua-bao-hiem-hang-hoa-188250817135650368.chn",
    ),
    "vietq_thaisan": (
        "VietQ (theo BHXH huyện Cần Giờ, TP.HCM)",
        "Cảnh báo: Mạo danh BHXH để chiếm đoạt tài khoản ngân hàng",
        "https://vietq.vn/canh-bao-mao-danh-bhxh-de-chiem-doat-tai-khoan-ngan-hang-d227378.html",
    ),
    "thanhnien_buudien": (
        "Thanh Niên",
        "Cảnh báo tin nhắn giả mạo bưu điện",
        "https://thanhnien.vn/canh-bao-tin-nhan-gia-mao-buu-dien-185251218215611171.htm",
    ),
    "topsao_visa": (
        "Topsao",
        "Chuyện cảnh giác: Chiêu trò lừa làm visa qua mạng",
        "https://topsao.vn/chuyen-canh-giac/chuyen-canh-giac-chieu-tro-lua-lam-visa-qua-mang",
    ),
    "congthuong_xkld": (
        "Công Thương (theo Cục An toàn thông tin)",
        "Lừa đảo xuất khẩu lao động qua mạng: Làm gì để tránh mắc bẫy?",
        "https://congthuong.vn/lua-dao-xuat-khau-lao-dong-qua-mang-lam-gi-de-tranh-mac-bay-336775.html&mobile=yes&amp=1",
    ),
    "nld_xkld_tiktok": (
        "Người Lao Động",
        "Giăng bẫy mời chào xuất khẩu lao động trên mạng",
        "https://nld.com.vn/cong-doan/giang-bay-moi-chao-xuat-khau-lao-dong-tren-mang-20231128192839497.htm",
    ),
    "soha_lulut_hp": (
        "Soha (theo Công an TP Hải Phòng)",
        "Xuất hiện thủ đoạn lừa đảo mới",
        "https://soha.vn/xuat-hien-thu-doan-lua-dao-moi-198251129100840061.htm",
    ),
    "cafef_chautrai": (
        "CafeF (theo Công an TP Hà Nội)",
        "Cụ bà ở Hà Nội mất 20 triệu đồng vì tin nhắn giả danh cháu trai",
        "https://cafef.vn/cu-ba-o-ha-noi-mat-20-trieu-dong-vi-tin-nhan-gia-danh-chau-trai-188260124164442711.chn",
    ),
    "gdxh_messenger_hp": (
        "Gia đình và Xã hội (theo Công an TP Hải Phòng)",
        "Đừng vội chuyển tiền khi nhận tin nhắn Messenger: Bài học từ vụ lừa đảo 30 triệu đồng",
        "https://giadinh.suckhoedoisong.vn/dung-voi-chuyen-tien-khi-nhan-tin-nhan-messenger-bai-hoc-tu-vu-lua-dao-30-trieu-dong-172260309213128754.htm",
    ),
    "nghean24h_congai": (
        "Nghệ An 24h (theo Công an TP Hà Nội)",
        "Con gái bị hack tài khoản Facebook, mẹ bị lừa hơn 400 triệu đồng",
        "https://nghean24h.vn/con-gai-bi-hack-tai-khoan-facebook-me-bi-lua-hon-400-trieu-dong-a705832.html",
    ),
    "soha_zalo_tayninh": (
        "Soha (theo Công an tỉnh Tây Ninh)",
        "Thông tin mới về cuộc gọi và tin nhắn trên Zalo, tất cả người dân cần biết",
        "https://soha.vn/thong-tin-moi-ve-cuoc-goi-va-tin-nhan-tren-zalo-tat-ca-nguoi-dan-can-biet-198260128114150213.htm",
    ),
    "cafef_zalo_dautu": (
        "CafeF",
        "Thông tin khẩn về tin nhắn trên Zalo, người dân cần biết càng sớm càng tốt",
        "https://cafef.vn/thong-tin-khan-ve-tin-nhan-tren-zalo-nguoi-dan-can-biet-cang-som-cang-tot-188251217191428759.chn",
    ),
    "cafef_evnhcmc": (
        "CafeF (theo Tổng Công ty Điện lực TP.HCM)",
        "Tổng Công ty Điện lực TP HCM có thông báo quan trọng với khách hàng",
        "https://cafef.vn/tong-cong-ty-dien-luc-tp-hcm-co-thong-bao-quan-trong-voi-khach-hang-188250917141649475.chn",
    ),
    "vtc_evnhanoi": (
        "VTC News (theo EVNHANOI)",
        "EVNHANOI khuyến cáo khách hàng về thủ đoạn mạo danh ngành điện để lừa đảo",
        "https://vtcnews.vn/evnhanoi-khuyen-cao-khach-hang-ve-thu-doan-mao-danh-nganh-dien-de-lua-dao-ar970391.html",
    ),
    "kenh14_sodo_tayninh": (
        "Kenh14 (theo Công an tỉnh Tây Ninh)",
        "Công an phát cảnh báo mới liên quan đến sổ đỏ, người dân cần biết",
        "https://kenh14.vn/cong-an-phat-canh-bao-moi-lien-quan-den-so-do-nguoi-dan-can-biet-215260225144421102.chn",
    ),
    "kenh14_concert": (
        "Kenh14",
        "Nhìn lại 2 vụ lừa đảo concert gần đây",
        "https://kenh14.vn/nhin-lai-2-vu-lua-dao-concert-gan-day-tong-thiet-hai-hon-70-ty-chiem-den-56-cac-truong-hop-gian-lan-ve-2025-215250612134511737.chn",
    ),
    "soha_pnr": (
        "Soha (theo chongluadao.vn)",
        "Mất tiền triệu ngay trước giờ bay: Ai đi du lịch cũng phải coi chừng trò lừa đảo tinh vi này",
        "https://soha.vn/mat-tien-trieu-ngay-truoc-gio-bay-ai-di-du-lich-cung-phai-coi-chung-tro-lua-dao-tinh-vi-nay-198260311153402789.htm",
    ),
    "soha_vemaybay_tet": (
        "Soha (theo Công an TP Hà Nội)",
        "Công an Hà Nội cảnh báo nóng thủ đoạn lừa đảo mới trên Zalo dịp cận Tết",
        "https://soha.vn/cong-an-ha-noi-canh-bao-nong-thu-doan-lua-dao-moi-tren-zalo-dip-can-tet-198251219210309761.htm",
    ),
    "nld_vang": (
        "Người Lao Động",
        'Tràn lan hội nhóm "thầy" dạy, lôi kéo chơi vàng online',
        "https://nld.com.vn/tran-lan-hoi-nhom-thay-day-loi-keo-choi-vang-online-19624031410004668.htm",
    ),
    "ttgd_vang": (
        "Tiếp thị Gia đình (theo Trung tâm Giám sát an toàn không gian mạng quốc gia)",
        "Tràn lan các hội nhóm quảng cáo dạy đầu tư vàng online, cẩn thận 'ôm trái đắng'",
        "https://tiepthigiadinh.vn/tran-lan-cac-hoi-nhom-quang-cao-day-dau-tu-vang-online-can-than-om-trai-dang-d13840.html",
    ),
    "dantri_bds_dautu": (
        "Dân trí (theo Công an TP Hải Phòng)",
        "Công an cảnh báo chiêu trò lừa đảo đầu tư tài chính, tiền ảo qua mạng",
        "https://dantri.com.vn/phap-luat/cong-an-canh-bao-chieu-tro-lua-dao-dau-tu-tai-chinh-tien-ao-qua-mang-20251002105557388.htm",
    ),
    "thanhnien_siquan": (
        "Thanh Niên (theo Bộ Công an)",
        "Bộ Công an cảnh báo trò mạo danh sĩ quan nước ngoài để lừa tiền",
        "https://thanhnien.vn/bo-cong-an-canh-bao-tro-mao-danh-si-quan-nuoc-ngoai-de-lua-tien-post1535760.html",
    ),
    "vietpress_lenhbat": (
        "VietPress (theo Trường ĐH Nguyễn Tất Thành)",
        "Cảnh báo chiêu trò gửi 'Lệnh bắt giữ và phong toả tài sản' nhắm vào sinh viên",
        "https://vietpress.vn/canh-bao-thu-doan-lua-dao-nham-vao-sinh-vien-d94204.html",
    ),
    "kienthuc_trieutap": (
        "Kiến Thức",
        "Người dân cần làm gì khi nhận tin nhắn lạ",
        "https://kienthuc.net.vn/xa-hoi/nguoi-dan-can-lam-gi-khi-nhan-tin-nhan-la-1676367.html",
    ),
    "znews_hocbong_tw": (
        "Znews (theo Công an tỉnh Lạng Sơn)",
        'Lừa đảo thông tin học bổng du học "Trung Hoa Dân Quốc"',
        "https://lifestyle.znews.vn/lua-dao-thong-tin-hoc-bong-du-hoc-trung-hoa-dan-quoc-post1600097.html",
    ),
    "baobrvt_hocbong": (
        "Báo Bà Rịa - Vũng Tàu",
        "Sập bẫy lừa học bổng du học",
        "https://baobariavungtau.com.vn/phap-luat/202505/sap-bay-lua-hoc-bong-du-hoc-1042399/",
    ),
    "ca_laocai_hanquoc": (
        "Công an tỉnh Lào Cai",
        "Cảnh giác với thủ đoạn mạo danh các cơ sở giáo dục để lừa đảo",
        "https://congan.laocai.gov.vn/canh-bao-toi-pham/canh-giac-voi-thu-doan-mao-danh-cac-co-so-giao-duc-de-lua-dao-1341838",
    ),
    "baogialai_vay": (
        "Báo Gia Lai",
        "Vay 3 triệu để lãi nợ tới 300 triệu",
        "https://baogialai.com.vn/channel/8207/202108/vay-3-trieu-de-lai-no-toi300-trieu-5748566/",
    ),
    "dspl_vay": (
        "Đời sống và Pháp luật",
        "Nhận biết một số thủ đoạn vay tiền online",
        "https://doisongphapluat.com.vn/nhan-biet-mot-so-thu-doan-vay-tien-online-a711331.html",
    ),
    "kenh14_nhiemvu_0d": (
        "Kenh14",
        "Nhắn tin mua hàng qua trang giả mạo, người phụ nữ được tư vấn nhận quà rồi mất tiền",
        "https://kenh14.vn/nhan-tin-mua-hang-qua-trang-y0dy-hang-chinh-hang-nguoi-phu-nu-duoc-facebook-dieu-huyen-tu-van-nhan-qua-khi-can-tien-tai-khoan-moi-vo-le-215250725133503447.chn",
    ),
    "thienngaden_gplx": (
        "thienngaden.com (theo Công an tỉnh Thanh Hóa)",
        "Giả danh công an cấp đổi bằng lái xe để lừa đảo qua mạng",
        "https://thienngaden.com/gia-danh-cong-an-cap-doi-bang-lai-xe-de-lua-dao-qua-mang-canh-bao-va-cach-phong-tranh/",
    ),
    "vnbiz_luatsu": (
        "VnBizNews",
        "Chiêu giả luật sư lấy lại tiền làm nhiệm vụ online",
        "https://vnbiznews.com/chieu-gia-luat-su-lay-lai-tien-lam-nhiem-vu-online-pid1989146547",
    ),
    "plktqt_luatsu": (
        "Pháp luật Kinh tế Quốc tế (theo Công an TP Hà Nội)",
        "Cảnh giác với thủ đoạn giả danh luật sư hỗ trợ thu hồi tiền lừa đảo",
        "https://phapluatkinhtequocte.vn/canh-giac-voi-thu-doan-gia-danh-luat-su-ho-tro-thu-hoi-tien-lua-dao-n34943.html",
    ),
    "petrotimes_laylaitien": (
        "Kinh tế Xây dựng – Petrotimes (theo Bộ Công an)",
        "Cảnh báo về “Dịch vụ lấy lại tiền đã bị lừa đảo” trên mạng xã hội",
        "https://kinhtexaydung.petrotimes.vn/canh-bao-ve-dich-vu-lay-lai-tien-da-bi-lua-dao-tren-mang-xa-hoi-702575.html",
    ),
}

SET = ScamSet(S)
P, N = SET.P, SET.N

# --- scams -------------------------------------------------------------------------------------
# SIM-lock calls about "chuẩn hóa thông tin thuê bao"
P(
    "sim_standardize",
    "thtv_chuanhoa",
    "Trung tâm viễn thông thông báo: thuê bao của quý khách chưa chuẩn hóa thông tin theo dữ liệu dân cư và sẽ bị khóa 2 chiều sau 2 giờ nữa. Để giữ số, quý khách đọc cho tổng đài viên số căn cước và mã 6 số vừa gửi tới máy để nhân viên cập nhật hộ.",
    nd=True,
)
P(
    "sim_standardize",
    "2sao_khoasim",
    "Alo, em gọi từ Cục Viễn thông. Số này của chị đang bị báo sai thông tin chủ thuê bao, chưa nộp phạt nên hệ thống tạm khóa trong 24h. Chị bấm phím 1 để gặp cán bộ xử lý, không thì sáng mai bị thu hồi số luôn ạ.",
    kind="comment",
    teen="alo e goi tu cuc vien thong, so nay cua c dang bi bao sai tt chu thue bao, chua nop phat nen he thong tam khoa trong 24h. c bam phim 1 de gap can bo xu ly, k thi sang mai bi thu hoi so luon a",
)
P(
    "sim_standardize",
    "cld_khoasim",
    "[Nha mang] Thue bao 09xx cua Quy khach chua chuan hoa thong tin, se bi khoa 1 chieu tu 17h hom nay. Cap nhat CCCD va anh chan dung tai: chuanhoa-thuebao.vn-check.top de tranh gian doan lien lac.",
    kind="comment",
    variant="no_diacritics",
)
# sextortion: recorded calls and face-swapped pictures
P(
    "sextortion",
    "soha_chatsex_hn",
    "Video call lúc tối tao quay lại hết rồi nhé. Danh sách bạn bè, đồng nghiệp, vợ mày tao lưu đủ. Chuyển 30 triệu vào số tài khoản tao gửi trong 1 tiếng, không thì clip gửi cho từng người một. Đừng có chặn, chặn là tao đăng luôn.",
    kind="comment",
    nd=True,
)
P(
    "sextortion",
    "cafef_ghepanh_angiang",
    "Kính gửi anh Tuấn, tôi là thám tử tư, được thuê theo dõi anh. Tôi có đầy đủ ảnh anh ở khách sạn với người phụ nữ khác (đã gửi kèm). Nếu anh muốn chuộc lại toàn bộ ảnh gốc và để chuyện này không đến cơ quan, gia đình anh, liên hệ Telegram @tamtu_hd trước 17h hôm nay và chuẩn bị 50 triệu bằng USDT.",
    nd=True,
)
P(
    "sextortion",
    "vnexpress_ghepanh",
    "Ong muon giai quyet em dep de toi xoa video di khong, hay de toi gui het cho vo con dong nghiep. Cho ong 5 phut suy nghi, 10 trieu thoi ma ong ban re danh du cua minh a. Ck vao tk toi gui roi chup man hinh cho toi.",
    kind="comment",
    variant="no_diacritics",
)
P(
    "sextortion",
    "soha_tinder",
    "Anh xem lại đoạn video này đi, nhìn rõ mặt anh quá nhỉ 😏 Em đã có danh bạ Zalo với Facebook của anh rồi. Gửi 15tr qua tài khoản dưới đây thì em xóa, còn im lặng quá 30 phút là người nhà anh xem trước đó. STK 0712 8845 3309 Techcombank.",
    kind="comment",
    teen="a xem lai doan vd nay di, nhin ro mat a qua nhi. e co danh ba zl vs fb cua a r. gui 15tr qua tk duoi day thi e xoa, con im lang qua 30p la ng nha a xem trc do. stk 0712 8845 3309 tcb",
)
P(
    "sextortion",
    "gdxh_chatsex_hp",
    "Cuộc gọi hôm qua được ghi hình đầy đủ. Bạn có 2 lựa chọn: chuyển 20.000.000đ phí xóa dữ liệu trong hôm nay, hoặc video sẽ được gửi tới toàn bộ bạn bè trên Facebook và nhóm công ty. Đây là tin nhắn cuối.",
    kind="comment",
)
# fake bank / e-wallet / public-service apps
P(
    "fake_app_update",
    "ttdtm_vcb_app",
    "Chào anh, em là cán bộ công an phường. Giấy phép lái xe của anh chưa được cập nhật lên hệ thống mới, phải tích hợp trước cuối tuần. Anh tải ứng dụng Dịch vụ công bản mới qua link em gửi dichvucong-gov.app/tai, đăng nhập rồi quét khuôn mặt để hoàn tất, em hướng dẫn qua Zalo.",
    kind="comment",
    nd=True,
)
P(
    "fake_app_update",
    "cafef_bianlian",
    "VCB thong bao: ung dung ngan hang cua quy khach sap het han ho tro. Vui long cap nhat phien ban 2025 tai vcb-capnhat.apk-store.net truoc 23h59 de tiep tuc giao dich. Sau thoi han tai khoan se bi tam ngung.",
    kind="comment",
    variant="no_diacritics",
)
P(
    "fake_app_update",
    "cafef_sbv_apk",
    "Ngân hàng Nhà nước Việt Nam: Theo quy định mới, tài khoản thanh toán cá nhân phải đồng bộ với Cổng thông tin NHNN. Quý khách tải tệp cài đặt SBV-XacThuc.apk tại sbvhn-xacthuc.com và làm theo hướng dẫn trong 48 giờ để tránh bị hạn chế giao dịch.",
)
P(
    "fake_app_update",
    "soha_cic",
    "Chào chị Hạnh, em bên bộ phận tín dụng. Hệ thống CIC ghi nhận chị có khoản vay 86 triệu ở công ty tài chính đang quá hạn, sắp thành nợ xấu nhóm 5. Nếu chị không vay thì phải khiếu nại ngay hôm nay, chị cài ứng dụng hỗ trợ tra soát theo link em gửi để em xóa khoản vay ảo giúp chị.",
    kind="comment",
    nd=True,
)
P(
    "fake_app_update",
    "cafef_homecredit",
    "Cháu chào cô, cháu là cán bộ xã. Hộ khẩu điện tử của cô chưa xác minh nơi cư trú mới sau sáp nhập, cô cài giúp cháu ứng dụng AnyDesk với VNeID bản cập nhật cháu gửi qua Zalo, rồi đọc cho cháu mã số hiện trên màn hình để cháu làm hộ, cô không phải lên xã đâu ạ.",
    kind="comment",
    teen="chau chao co, chau la can bo xa. ho khau dt cua co chua xac minh noi cu tru moi sau sap nhap, co cai giup chau app anydesk vs vneid ban cap nhat chau gui qua zl, r doc cho chau ma so tren man hinh de chau lam ho, co k phai len xa dau a",
)
# personal income tax refunds
P(
    "tax_refund",
    "cafef_hoanthue",
    "Cuc Thue thong bao: Quyet toan thue TNCN nam 2025 da hoan tat, he thong ghi nhan Quy khach co khoan hoan thue 4.860.000d. Vui long dang nhap trang hoan thue chinh thuc tai etax-hoanthue.vn-gdt.com va xac thuc khuon mat de nhan tien. Qua han 3 ngay khoan hoan se bi huy.",
    kind="comment",
    variant="no_diacritics",
)
P(
    "tax_refund",
    "cafef_hoanthue",
    "Chào anh, em là cán bộ thuế phụ trách quyết toán của công ty anh. Anh được hoàn 3,2 triệu thuế thu nhập cá nhân nhưng tài khoản nhận hoàn chưa khớp. Anh mở ứng dụng ngân hàng, để màn hình như vậy và làm theo em hướng dẫn xác thực khuôn mặt là tiền về ngay trong hôm nay.",
    kind="comment",
)
P(
    "tax_refund",
    "cafef_ehuyentrang",
    "EHUYENTRANG: Chuc mung Quy khach duoc hoan thue va nhan uu dai tri an 2.500.000d. Phi xu ly ho so 150.000d, vui long chuyen khoan vao STK 1903 5512 8870 (TECHCOMBANK - NGUYEN THI HUYEN TRANG) trong ngay de duoc giai ngan.",
    kind="comment",
    variant="no_diacritics",
)
# insurance: "cancel the contract", auto-subscription, fake maternity payout
P(
    "insurance_cancel",
    "tnck_baohiem",
    "Chị Hương ơi em gọi bên công ty bảo hiểm. Chị vừa kích hoạt gói bảo hiểm hàng hóa 5 triệu/tháng, nếu không hủy trong 10 phút hệ thống tự trừ tiền hàng tháng. Chị chuyển 2 triệu phí hủy hợp đồng vào tài khoản em gửi, giấy chứng nhận có dấu đỏ em gửi qua Zalo rồi đó ạ.",
    kind="comment",
    nd=True,
)
P(
    "insurance_cancel",
    "cafef_baohiem_hanghoa",
    "Shop: don hang cua b da toi, b ck 19k phi xac nhan don truoc khi giao nha. ... Xin loi b, b ck nham vao tai khoan kich hoat bao hiem hang hoa 2.990.000d/thang. De huy b lien he nv bao hiem Zalo 0856 442 971, can cung cap tk ngan hang co so du toi thieu gap 3 lan hop dong de huy thu cong.",
    kind="comment",
    variant="no_diacritics",
)
P(
    "insurance_cancel",
    "thanhnien_buudien",
    "VietnamPost: Quy khach da chuyen khoan tien hang thanh cong. He thong tu dong kich hoat goi chay shipper 3.800.000d/thang. Neu khong huy, tong truy thu 3 nam la 151.000.000d va se ghi no xau. Huy goi tai: vnpost-huygoi.com",
    kind="comment",
    variant="no_diacritics",
)
P(
    "insurance_payout",
    "vietq_thaisan",
    "Chuyên viên BHXH Việt Nam xin chào. Hồ sơ thai sản quá hạn của chị vẫn còn khoản 12.600.000đ chưa rút. Bên em hỗ trợ giải ngân trước hạn trong ngày, chị nộp phí mở khóa hồ sơ 1.200.000đ qua tài khoản cá nhân của em, tiền về chị đối chiếu rồi mới đánh giá dịch vụ ạ.",
    kind="comment",
    teen="cv bhxh vn xin chao. hs thai san qua han cua c van con khoan 12tr6 chua rut. ben e hotro giai ngan truoc han trong ngay, c nop phi mo khoa hs 1tr2 qua tk ca nhan cua e, tien ve c doi chieu r moi danh gia dv a",
)
# visas and labour export
P(
    "visa_labour",
    "topsao_visa",
    "Bên em nhận làm visa lao động Nhật trọn gói 50tr, rẻ hơn thị trường một nửa, đã có hồ sơ rồi. Nhưng lãnh sự quán đang trục trặc, chị phải chuyển thêm 50 triệu để công ty bên Nhật đứng ra bảo lãnh, không thì hủy visa và mất luôn số đã đóng.",
    kind="comment",
    nd=True,
)
P(
    "visa_labour",
    "congthuong_xkld",
    "Nhận làm visa Hàn Quốc bao đậu 100%, không cần chứng minh tài chính, ra visa trong 7 ngày. Có sẵn suất du lịch Jeju miễn visa kết hợp ở lại làm việc lương 45tr/tháng. Đặt cọc 30% giữ suất, inbox hoặc Zalo 0798 310 562, vé máy bay đã đặt tên anh chị em gửi ảnh xác nhận ngay.",
    kind="post",
)
P(
    "visa_labour",
    "nld_xkld_tiktok",
    "tuyen lao dong thoi vu han quoc k phan biet tuoi, k can tinh ky hop dong, tron goi 65tr. dang ky som dong coc 10tr truoc de len danh sach xuat canh dot thang sau, het suat la phai doi nam sau. ib zalo de duoc tu van",
    kind="post",
    variant="teencode",
)
P(
    "visa_labour",
    "congthuong_xkld",
    "Chi oi ho so di Uc cua chi duoc duyet roi, con thieu phi dich thuat cong chung 4tr5 va phi bao hiem xuat canh 6tr, chi chuyen trong chieu nay de em nop kip dot, muon la roi sang dot sau 3 thang.",
    kind="comment",
    variant="no_diacritics",
)
# flood-relief appeals after the 2025 storms
P(
    "flood_relief",
    "soha_lulut_hp",
    "Em là thành viên nhóm thiện nguyện Hướng về miền Trung, đoàn xe mai xuất phát chở 5 tấn gạo với áo phao vào vùng lũ. Anh chị góp giúp 500k mua nhu yếu phẩm, danh sách nhà hảo tâm với clip kho hàng em gửi ngay sau khi nhận. Chuyển vào tài khoản trưởng nhóm: 0451 0009 8812 Vietcombank.",
    kind="comment",
    nd=True,
)
P(
    "flood_relief",
    "soha_lulut_hp",
    "khan cap: ba con vung lu dang thieu nuoc sach va mi tom, nhom minh con thieu 30tr de chot xe hang toi nay. ai ung ho dc bao nhieu ck vao tk ca nhan ben duoi ghi ten de minh sao ke nhe, sau 22h khong nhan nua",
    kind="post",
    variant="teencode",
)
# fake land-data officials
P(
    "land_record",
    "kenh14_sodo_tayninh",
    "Cán bộ địa chính xã thông báo: hồ sơ đất của ông bà bị sai lệch dữ liệu sau điều chỉnh địa giới, cần làm sạch dữ liệu đất đai trước ngày 15. Nếu không cập nhật, sổ đỏ sẽ bị tạm khóa, không mua bán hay thế chấp được. Ông bà chụp 2 mặt sổ đỏ và căn cước gửi qua Zalo số này cho cháu xử lý.",
    kind="comment",
    nd=True,
)
P(
    "land_record",
    "kenh14_sodo_tayninh",
    "Ubnd phuong: ho so thua dat so 112 to ban do 35 cua gia dinh chua tich hop he thong quan ly dat dai quoc gia, se bi xu phat hanh chinh. De xac thuc vui long cai dat ung dung qua duong link: datdai-quocgia.info/xacthuc",
    kind="comment",
    variant="no_diacritics",
)
# airline tickets with a real unpaid booking code, concert tickets
P(
    "flight_ticket",
    "soha_pnr",
    "Phòng vé báo chị: vé Hà Nội - Phú Quốc 2 người khứ hồi giá ngoại giao 2tr9, mã đặt chỗ K7QX2M chị tự lên web hãng kiểm tra là thấy đúng tên. Chị chuyển đủ tiền trong 30 phút để em xuất vé, quá giờ hệ thống tự hủy chỗ, không giữ được đâu ạ.",
    kind="comment",
    teen="phong ve bao c: ve hn - pq 2ng khu hoi gia ngoai giao 2tr9, ma dat cho K7QX2M c tu len web hang check la thay dung ten. c ck du trong 30p de e xuat ve, qua gio he thong tu huy cho k giu dc dau a",
)
P(
    "flight_ticket",
    "soha_vemaybay_tet",
    "Đại lý vé cấp 1 thanh lý vé Tết giờ chót: TP.HCM - Vinh 27 Tết chỉ 1.450.000đ/chiều, suất ngoại giao còn 3 vé. Inbox Zalo để em đặt chỗ, anh chị chuyển khoản 100% giữ vé, có mã đặt chỗ tra trên web hãng ngay.",
    kind="post",
    nd=True,
)
P(
    "concert_ticket",
    "kenh14_concert",
    "Pass gấp 2 vé GA concert Anh Trai đêm D-6 giá gốc vì bận đột xuất. Vé đã có mã QR, ai lấy cọc trước 50% để mình giữ, còn lại trả khi nhận vé điện tử. Nhiều người hỏi lắm nên ai chuyển trước mình chốt trước nha.",
    kind="post",
    nd=True,
)
P(
    "concert_ticket",
    "kenh14_concert",
    "con 4 ve vip noi bo ben btc, gia 3tr2/ve thap hon ngoai cho. ck truoc giu ve, 2 ngay truoc show gui code. hom nay ck thi dc giam 200k, ib mk",
    kind="post",
    variant="teencode",
)
# gold / forex "sàn" with mentors
P(
    "gold_forex_mentor",
    "nld_vang",
    "Thời kỳ vàng dầu lên ngôi 🚀 Trưởng nhóm tín hiệu miễn phí mỗi ngày, giá lên hay xuống đều có lợi nhuận. Vốn chỉ từ 500$, đòn bẩy 1:500, hôm qua cả nhóm chốt lời 38%. Mở tài khoản qua link của chuyên gia để được hỗ trợ 1 kèm 1, nạp lần đầu được tặng thêm 50% vốn.",
    kind="post",
    nd=True,
)
P(
    "gold_forex_mentor",
    "ttgd_vang",
    "Giao lưu vàng miếng SJC không qua trung gian, giá rẻ hơn tiệm 2 triệu/lượng. Góp vốn mua chung từ 5 chỉ, chuyển khoản trước, vàng giao tận nhà sau 3 ngày. Tối nay 20h có phòng Zoom thầy hướng dẫn cách nhân vốn gấp 3 trong tháng.",
    kind="post",
)
P(
    "gold_forex_mentor",
    "dantri_bds_dautu",
    "Chị ơi lệnh rút 186 triệu của chị bị hệ thống treo vì lợi nhuận vượt hạn mức. Theo quy định của sàn, chị phải nộp 10% thuế thu nhập và phí xác minh tài khoản thì lệnh mới được duyệt, nộp trong 24h nếu không tài khoản bị đóng băng và mất toàn bộ vốn.",
    kind="comment",
    nd=True,
)
P(
    "gold_forex_mentor",
    "cafef_zalo_dautu",
    "Anh H ơi chị nè, dạo này chị có mã đầu tư nội bộ bên quỹ, chắc chắn lãi 15% trong 1 tuần. Em đầu tư thử 10 triệu trước cho quen, chị gửi link sàn với tài khoản nạp tiền, có lãi chị chỉ em rút luôn.",
    kind="comment",
    teen="a H oi c ne, dao nay c co ma dau tu noi bo ben quy, chac chan lai 15% trong 1 tuan. e dau tu thu 10tr trc cho quen, c gui link san vs tk nap tien, co lai c chi e rut luon",
)
# foreign "soldier" sending a parcel
P(
    "foreign_parcel",
    "thanhnien_siquan",
    "My love, I sent you the box with 300,000 USD and gold jewelry 🎁 Nhân viên hải quan sân bay Tân Sơn Nhất sẽ gọi em, em chỉ cần đóng phí thông quan 28 triệu vào tài khoản họ đưa là nhận được. Đừng nói với ai vì anh là sĩ quan đang làm nhiệm vụ ở Syria, không được gửi tiền.",
    kind="comment",
    nd=True,
)
P(
    "foreign_parcel",
    "thanhnien_siquan",
    "Hai quan Noi Bai thong bao: kien qua tu My gui ba Nguyen Thi L phat hien co ngoai te va vang khong khai bao. Ba nop phat 45.000.000d va phi chong rua tien trong ngay hom nay de duoc nhan, qua han kien hang bi tich thu va chuyen co quan dieu tra.",
    kind="comment",
    variant="no_diacritics",
)
# hacked relatives' accounts and look-alike profiles
P(
    "hacked_relative",
    "cafef_chautrai",
    "Bà ơi cháu Minh đây, cháu cần mua cái máy tính để học mà bố mẹ đang đi công tác. Bà chuyển giúp cháu 20 triệu vào tài khoản bạn cháu bên cửa hàng nhé, số tài khoản cháu gửi dưới này, cuối tuần bố cháu về gửi lại bà.",
    kind="comment",
    nd=True,
)
P(
    "hacked_relative",
    "gdxh_messenger_hp",
    "Chi oi em dang can gap 30tr dong tien hang ma app ngan hang em dang loi k chuyen duoc, chi ck giup em vao stk nay 1903 7725 6618 MB ten Hoang Van Long nha, toi em tra chi luon. Dung goi em nha em dang hop.",
    kind="comment",
    variant="teencode",
)
P(
    "hacked_relative",
    "nghean24h_congai",
    "Mẹ ơi con phải đóng học phí kỳ này trước thứ 6 không là bị gạch tên. Mẹ chuyển 120 triệu vào tài khoản trường con gửi nhé. Điện thoại con bị rơi nên gọi không nghe rõ đâu, mẹ nhắn tin cho con thôi.",
    kind="comment",
)
P(
    "hacked_relative",
    "soha_zalo_tayninh",
    "Cậu ơi cháu đổi số mới rồi, số cũ bị hỏng sim. Cháu đang ở bệnh viện với mẹ, cần 15 triệu đóng tạm ứng viện phí gấp, cậu chuyển vào số tài khoản này giúp cháu, mai cháu rút được tiền tiết kiệm gửi lại cậu ngay.",
    kind="comment",
    teen="cau oi chau doi so moi r, so cu bi hong sim. chau dang o bv vs me, can 15tr dong tam ung vien phi gap, cau ck vao stk nay giup chau, mai chau rut dc tien tk gui lai cau ngay",
)
# court summons, arrest warrants, "case" calls
P(
    "court_summons",
    "kienthuc_trieutap",
    "Toa an nhan dan toi cao thong bao: Ong/Ba co giay trieu tap ve khoan vay ngan hang qua han, buu dien da giao 2 lan khong co nguoi nhan. De tranh bi cuong che, lien he thu ky toa an so 0243 998 1172 trong ngay de xu ly.",
    kind="comment",
    variant="no_diacritics",
)
P(
    "court_summons",
    "vietpress_lenhbat",
    "Em là sinh viên Trần Thị Thu H. đúng không? Đây là Công an TP Hà Nội. Viện Kiểm sát đã ra Lệnh bắt giữ hình sự và phong tỏa tài sản vì em liên quan đường dây rửa tiền qua chương trình trao đổi sinh viên Nhật Bản. Em vào phòng Zoom này ngay, không được rời máy, không được nói với ai kể cả bố mẹ.",
    kind="comment",
    nd=True,
)
P(
    "court_summons",
    "cafef_ehuyentrang",
    "CT LUATQTVN: Quy khach dang co vu kien dan su lien quan khoan no the tin dung. Phien hoa giai dien ra ngay mai, de dinh chi vu kien vui long thanh toan phi luat su 3.500.000d qua tai khoan van phong truoc 16h hom nay.",
    kind="comment",
    variant="no_diacritics",
)
# "recovering" scammed money
P(
    "recovery_lawyer",
    "vnbiz_luatsu",
    "Luật sư Trần Huy xin chào. Bên tôi đã kiểm tra, số tiền 85 triệu của bạn đang bị treo trên hệ thống, có thể giải ngân về trong 10-30 phút. Bạn hoàn thành 1 mã lệnh bằng cách chuyển 1,5 triệu phí kích hoạt, thu hồi xong chia 5% cho luật sư. Rủi ro tiền không về chúng tôi đền gấp 3.",
    kind="comment",
    nd=True,
)
P(
    "recovery_lawyer",
    "plktqt_luatsu",
    "Ben an ninh mang da xac dinh tien cua chi bi doi tuong chuyen qua san ca cuoc. De thu hoi chi nap 5tr tham gia dat lenh, doi dieu tra cong nghe cao se chinh ti le cho chi thang, tien ve lai tk chi cung tien goc. Lam trong hom nay nhe chi.",
    kind="comment",
    variant="no_diacritics",
)
P(
    "recovery_lawyer",
    "petrotimes_laylaitien",
    "Văn phòng luật chuyên thu hồi tiền bị lừa qua mạng: sàn ảo, làm nhiệm vụ, đầu tư. Cam kết lấy lại 100%, có liên kết ngân hàng và cơ quan điều tra. Phí dịch vụ đóng trước 10%, inbox gửi sao kê để được báo giá trong ngày.",
    kind="post",
    teen="vp luat chuyen thu hoi tien bi lua qua mang: san ao, lam nv, dau tu. cam ket lay lai 100%, co lien ket nh va co quan dieu tra. phi dv dong trc 10%, ib gui sao ke de dc bao gia trong ngay",
)
# loan-app fees, credit-card limit calls
P(
    "loan_app_fee",
    "baogialai_vay",
    "Hồ sơ vay 50.000.000đ của bạn đã được duyệt nhưng tài khoản bị đóng băng do bạn nhập sai số tài khoản thụ hưởng. Để mở băng và giải ngân, vui lòng nộp phí xác minh 10.000.000đ, tiền phí được hoàn lại cùng khoản vay.",
    kind="comment",
    nd=True,
)
P(
    "loan_app_fee",
    "dspl_vay",
    "vay nhanh 30tr k can the chap k tham dinh, duyet 100% giai ngan 5 phut. chi can dong phi ho so + bao hiem khoan vay 1tr5 truoc, dong xong giai ngan ngay. ib zalo nv ho tro",
    kind="post",
    variant="teencode",
)
P(
    "card_limit",
    "cafef_9so",
    "Chào anh, em gọi từ tổng đài ngân hàng, thẻ tín dụng của anh đủ điều kiện nâng hạn mức lên 80 triệu miễn phí trong hôm nay. Anh cài ứng dụng hỗ trợ nâng hạn mức em gửi link, chụp hai mặt thẻ và đọc mã OTP về máy để em kích hoạt giúp anh.",
    kind="comment",
    nd=True,
)
# power company: new customer codes after the reorganisation, debt and cut-off
P(
    "power_code",
    "cafef_evnhcmc",
    "Điện lực thông báo: do sắp xếp lại khu vực quản lý từ 1/7, mã khách hàng cũ của hộ gia đình sẽ bị hủy. Quý khách chưa cập nhật mã mới sẽ không thanh toán được và bị ngừng cấp điện. Kết bạn Zalo nhân viên kỹ thuật 0789 224 615 để được cài ứng dụng cập nhật.",
    kind="comment",
    nd=True,
)
P(
    "power_code",
    "vtc_evnhanoi",
    "TONG DAI DIEN LUC: Ho gia dinh dang no tien dien 2 ky 1.874.000d. Nhan vien se cat dien luc 15h chieu nay neu chua thanh toan. Thanh toan ngay qua ma QR tai evnhanoi-thanhtoan.com de tranh gian doan.",
    kind="comment",
    variant="no_diacritics",
)
P(
    "power_code",
    "vtc_evnhanoi",
    "a oi e ben dien luc, cong to nha a bao sai so, ky nay bi truy thu 3tr2. a ck qua tk e gui de e dieu chinh hoa don, k thi chieu nay doi ky thuat xuong cat dien kiem tra a nhe",
    kind="comment",
    variant="teencode",
)
# study-abroad exchanges and scholarship fees
P(
    "study_abroad_fee",
    "znews_hocbong_tw",
    "Thông báo dự tuyển chương trình học bổng và giao lưu sinh viên năm 2026: em đã qua vòng xét chọn hồ sơ. Đề nghị nộp lệ phí xét duyệt 3.500.000đ, phí dịch thuật 2.000.000đ, phí làm visa và bảo hiểm 6.800.000đ vào tài khoản Hội đồng trước ngày 20 để giữ suất.",
    nd=True,
)
P(
    "study_abroad_fee",
    "baobrvt_hocbong",
    "Phòng Hợp tác quốc tế: Sinh viên đủ điều kiện nhận học bổng toàn phần chương trình trao đổi tại Úc. Danh sách chờ còn nhiều, nếu trong chiều nay gia đình chưa chuyển 350 triệu vào tài khoản được chỉ định để làm hồ sơ thì suất sẽ chuyển cho bạn tiếp theo.",
    kind="comment",
)
P(
    "study_abroad_fee",
    "ca_laocai_hanquoc",
    "Ba me oi con duoc ghi danh khoa du hoc Han Quoc hoc bong 100% roi, ben truong yeu cau gia dinh minh chung tai chinh bang cach chuyen 400tr vao tai khoan ho chi dinh, xong 3 ngay hoan lai. Ba me chuyen gap giup con trong hom nay nha.",
    kind="comment",
    variant="no_diacritics",
)
# new task-job scripts
P(
    "task_job_new",
    "gdxh_vcb_tuyendung",
    "Vietcombank phối hợp Vietlott tuyển cộng tác viên dự án an sinh Quỹ Tâm Tài Việt, làm tại nhà 2-3 giờ/ngày, thu nhập 8-15 triệu/tháng. Ứng viên đăng ký tài khoản trên duanpower.com, thực hiện phân cảnh Khớp Lệnh và ký quỹ 120.000đ để được kích hoạt nhiệm vụ đầu tiên.",
    kind="post",
    nd=True,
)
P(
    "task_job_new",
    "kenh14_nhiemvu_0d",
    "Shop tri ân khách cũ: chị nhận quà 0 đồng chỉ trả phí ship, làm thêm nhiệm vụ đánh giá sản phẩm nhận hoa hồng 30%. Đơn thứ 3 hệ thống báo chị thao tác sai cú pháp nên chưa hoàn được, chị chuyển thêm 6,8 triệu xác minh đơn hàng để bảo lưu tài khoản, bên em hoàn đủ gốc và hoa hồng trong 5 phút.",
    kind="comment",
    teen="shop tri an khach cu: c nhan qua 0d chi tra phi ship, lam them nv danh gia sp nhan hh 30%. don thu 3 he thong bao c thao tac sai cu phap nen chua hoan dc, c ck them 6tr8 xac minh don de bao luu tk, ben e hoan du goc + hh trong 5p",
)
P(
    "task_job_new",
    "kenh14_nhiemvu_0d",
    "Tuyen 20 ban lam viec online tai nha: nghe nhac, tha tim video, moi nhiem vu 15k, tra luong cuoi ngay. Nhan vien moi duoc tang 50k vao vi, lam nhiem vu nang cap thi nap tu 300k de nhan hoa hong 20-40%.",
    kind="post",
    variant="no_diacritics",
)
# driving-licence exchange
P(
    "licence_exchange",
    "thienngaden_gplx",
    "Chị Hằng phải không, tôi là cán bộ Công an phường Vạn Phúc. Giấy phép lái xe của chị sẽ hết giá trị vì Bộ Công an phát hành mẫu mới. Nếu chị không đổi bằng trong tuần này sẽ nhận giấy triệu tập và phạt tiền. Chị nộp lệ phí đổi 1.850.000đ qua tài khoản tôi gửi, tôi làm hồ sơ online hộ chị.",
    kind="comment",
    nd=True,
)
P(
    "licence_exchange",
    "ttdtm_vcb_app",
    "CSGT thong bao: Giay phep lai xe cua ban chua tich hop VNeID, se bi tru diem va phat den 4.000.000d. Cap nhat mien phi tai gplx-vneid.online/capnhat truoc 24h.",
    kind="comment",
    variant="no_diacritics",
)

# --- hard negatives ----------------------------------------------------------------------------
# real tax-refund notices and talk
N(
    "tax_refund_real",
    "Cơ quan thuế thông báo: người nộp thuế đề nghị hoàn thuế TNCN năm 2025 nộp hồ sơ quyết toán qua ứng dụng eTax Mobile hoặc Cổng thông tin thuedientu.gdt.gov.vn. Tiền hoàn được chuyển vào tài khoản chính chủ đã khai trong hồ sơ. Cơ quan thuế không gọi điện hướng dẫn cài ứng dụng hay thu phí xử lý hoàn thuế.",
    nd=True,
)
N(
    "tax_refund_real",
    "Phòng kế toán: anh chị nào muốn tự quyết toán để được hoàn thuế TNCN thì lấy chứng từ khấu trừ thuế ở phòng kế toán từ thứ 2, hạn nộp tờ khai là 30/4. Ai ủy quyền cho công ty quyết toán thì điền mẫu 08 và nộp lại cho chị Lan.",
    kind="comment",
)
N(
    "tax_refund_real",
    "hom qua tien hoan thue tncn ve tk tao roi, 2tr4, lam tren etax mat tam 2 thang. may lam chua, nho khai dung so tk chinh chu k la bi tra ho so",
    kind="comment",
    variant="teencode",
)
# real power bills and planned outages
N(
    "power_real",
    "EVNHANOI: Tiền điện kỳ 11/2025 của mã KH PD1300xxxxxx là 1.265.400đ, hạn thanh toán 28/11. Quý khách thanh toán qua ứng dụng EVNHANOI, ngân hàng hoặc ví điện tử liên kết. Tổng đài 19001288.",
    kind="comment",
    nd=True,
)
N(
    "power_real",
    "Lịch tạm ngừng cung cấp điện: từ 7h30 đến 16h00 thứ Bảy 29/11, khu vực tổ 5, 6 phường Hòa Khánh để bảo dưỡng lưới điện. Điện lực rất mong quý khách thông cảm.",
)
N(
    "power_real",
    "thang nay tien dien nha minh len 2tr1 do bat dieu hoa suot, ai biet cach xem chi so cong to tren app evn chi minh voi, minh muon doi chieu truoc khi ck",
    kind="comment",
    variant="teencode",
)
# real insurance claims
N(
    "insurance_real",
    "Chị ơi hồ sơ bồi thường viện phí của chị đã được duyệt 4.850.000đ, tiền sẽ chuyển vào tài khoản chính chủ chị đăng ký trong hợp đồng trong 3-5 ngày làm việc. Chị không cần đóng thêm khoản phí nào, có gì chị gọi tổng đài in trên thẻ bảo hiểm.",
    kind="comment",
    nd=True,
)
N(
    "insurance_real",
    "Xe bị quẹt thì gọi ngay hotline bảo hiểm ghi trên giấy chứng nhận, chụp ảnh hiện trường, đưa xe vào gara liên kết để giám định. Bảo hiểm trả thẳng cho gara, mình chỉ đóng phần khấu trừ 500k theo hợp đồng.",
    kind="comment",
)
N(
    "insurance_real",
    "BHXH quận thông báo: người lao động hưởng chế độ thai sản nộp hồ sơ qua đơn vị sử dụng lao động hoặc Cổng dịch vụ công. Cơ quan BHXH không có dịch vụ giải ngân trước hạn và không thu bất kỳ khoản phí nào.",
)
# real study-abroad fairs and scholarships
N(
    "study_abroad_real",
    "Triển lãm du học Úc - New Zealand 2026 tại khách sạn Melia Hà Nội, 9h-16h Chủ nhật 7/12, vào cửa miễn phí, gặp trực tiếp đại diện 40 trường. Học bổng đến 50% học phí xét trực tiếp tại triển lãm, không thu phí hồ sơ.",
    nd=True,
)
N(
    "study_abroad_real",
    "Học bổng Chính phủ Hàn Quốc (GKS) 2026: ứng viên nộp hồ sơ qua Đại sứ quán Hàn Quốc theo hướng dẫn trên website chính thức, hạn 30/3. Chương trình không thu lệ phí và không yêu cầu chứng minh tài chính.",
)
N(
    "study_abroad_real",
    "Con được trường bên Đức nhận rồi, tài khoản phong tỏa 11.904 euro là của chính con mở ở ngân hàng bên đó theo hướng dẫn của Đại sứ quán, bố mẹ chuyển vào tài khoản đứng tên con, có giấy xác nhận của ngân hàng.",
    kind="comment",
)
# real airline promotions and bookings
N(
    "airline_real",
    "Vietnam Airlines mở bán vé Tết Bính Ngọ, giá từ 1.690.000đ/chiều. Mua vé tại website, ứng dụng chính thức hoặc phòng vé, đại lý được ủy quyền. Vé chỉ được xác nhận khi có số vé điện tử, mã đặt chỗ chưa thanh toán sẽ tự hủy.",
    nd=True,
)
N(
    "airline_real",
    "Flash sale 0 đồng (chưa gồm thuế phí) từ 12h-14h hôm nay trên app hãng, số lượng có hạn. Thanh toán bằng thẻ hoặc ví ngay trên ứng dụng, nhận email xác nhận và số vé điện tử.",
)
N(
    "airline_real",
    "minh vua dat ve tren web hang xong, tien thanh toan the, co email so ve roi. ai bay cung chuyen 6h sang 20/12 di da nang thi ru nhau di chung taxi ra san bay nhe",
    kind="comment",
    variant="teencode",
)
# concert tickets
N(
    "concert_real",
    "Ban tổ chức lưu ý: vé chỉ bán trên nền tảng phân phối chính thức, vé không chuyển nhượng, tên trên vé phải trùng căn cước khi vào cổng. BTC không chịu trách nhiệm với vé mua lại qua mạng xã hội.",
    nd=True,
)
N(
    "concert_real",
    "Admin nhóm fan: cấm đăng bài pass vé trong nhóm, ai cần nhượng vé dùng chức năng chuyển nhượng trên nền tảng của BTC. Mọi bài yêu cầu cọc trước qua tài khoản cá nhân sẽ bị xóa và chặn.",
)
# land sales with a notary, real land-data notices
N(
    "land_real",
    "Chính chủ bán lô đất 120m2 sổ đỏ riêng, đường ô tô 6m, giá 2,1 tỷ có thương lượng. Xem đất trực tiếp, ký hợp đồng đặt cọc và sang tên tại văn phòng công chứng, thanh toán qua ngân hàng. Liên hệ 0912 480 335 (miễn trung gian).",
    nd=True,
)
N(
    "land_real",
    "UBND xã thông báo: thực hiện cập nhật cơ sở dữ liệu đất đai, người dân mang giấy chứng nhận và căn cước đến bộ phận một cửa của xã từ thứ Hai đến thứ Sáu. Không thu phí. Cán bộ không làm việc qua điện thoại, Zalo và không yêu cầu cài ứng dụng.",
)
N(
    "land_real",
    "Anh hai ơi, mai 9h ra văn phòng công chứng số 3 ký hợp đồng bán mảnh đất của bố nhé, bên mua chuyển khoản 500 triệu đặt cọc ngay tại đó, anh nhớ mang sổ đỏ bản gốc với căn cước.",
    kind="comment",
)
# family chats asking for money, with context
N(
    "family_money_real",
    "Mẹ ơi con vừa gọi cho mẹ mà mẹ bận. Kỳ này học phí 14,5 triệu, hạn 30/11 đóng qua cổng của trường như mọi kỳ. Mẹ chuyển vào tài khoản Vietcombank của con như mọi lần nhé, tối con gọi video nói chuyện.",
    kind="comment",
    nd=True,
)
N(
    "family_money_real",
    "Cả nhà ơi tuần sau giỗ ông, mỗi nhà góp 2 triệu như mọi năm, chuyển cho chị Hà hoặc đưa tiền mặt hôm giỗ cũng được. Chị ghi sổ rồi gửi ảnh vào nhóm để mọi người xem.",
    kind="comment",
)
N(
    "family_money_real",
    "bo oi con vua goi bo k nghe may, xe con hong phai thay 2 lop 1tr8, bo ck giup con vao tk cua con nhe, thang sau luong ve con tra. chieu con ghe nha an com",
    kind="comment",
    variant="teencode",
)
N(
    "family_money_real",
    "Dì ơi con đổi số mới rồi nha, số cũ con để cho vợ dùng. Con vừa gọi dì bằng số này đó, dì lưu lại giúp con. Không có việc gì đâu dì, chỉ báo số thôi.",
    kind="comment",
    nd=True,
)
# real court notices and legal advice
N(
    "court_real",
    "Tòa án nhân dân khu vực 3 thông báo: văn bản tố tụng được tống đạt trực tiếp qua UBND xã, phường hoặc dịch vụ bưu chính có ký nhận. Tòa án không gọi điện, nhắn tin yêu cầu nộp tiền hay cung cấp thông tin tài khoản.",
    nd=True,
)
N(
    "court_real",
    "Phiên tòa xét xử vụ tranh chấp hợp đồng vay tài sản sẽ mở vào 8h ngày 10/12 tại trụ sở Tòa án. Đương sự mang theo giấy triệu tập và căn cước; án phí nộp tại Chi cục Thi hành án theo quyết định, có biên lai.",
)
N(
    "court_real",
    "Em nhận được giấy triệu tập thật của tòa do công an phường mang tới tận nhà, có ký nhận. Luật sư bên em bảo cứ đến đúng hẹn, phí luật sư ký hợp đồng tại văn phòng, có hóa đơn.",
    kind="comment",
)
# real SIM-standardisation notices
N(
    "sim_real",
    "Viettel thông báo: thuê bao chưa chuẩn hóa thông tin vui lòng mang căn cước gắn chip đến cửa hàng Viettel gần nhất hoặc tự cập nhật trên ứng dụng My Viettel. Tổng đài viên không yêu cầu khách hàng đọc mã OTP.",
    kind="comment",
    nd=True,
)
N(
    "sim_real",
    "VinaPhone: Thong tin thue bao cua Quy khach chua khop voi CSDL quoc gia ve dan cu. Quy khach vui long den diem giao dich VinaPhone mang theo CCCD de cap nhat. Chi tiet lien he 18001091 (mien phi).",
    kind="comment",
    variant="no_diacritics",
)
N(
    "sim_real",
    "hom qua ra cua hang mobi chuan hoa sim cho me roi, mang cccd quet chip voi chup anh tai quay, 5 phut la xong, k mat phi. ai nhan cuoc goi bao khoa sim thi cu ra cua hang lam nhe",
    kind="comment",
    variant="teencode",
)
# news that quotes scam messages while warning
N(
    "news_quote",
    'Công an thành phố cảnh báo thủ đoạn tống tiền bằng video nhạy cảm: đối tượng nhắn "chuyển 30 triệu trong 1 tiếng, không thì clip gửi cho từng người". Nạn nhân tuyệt đối không chuyển tiền, giữ lại tin nhắn và đến cơ quan công an gần nhất trình báo.',
    kind="article",
    nd=True,
)
N(
    "news_quote",
    'Nhiều người dân phản ánh nhận tin nhắn "thuê bao sẽ bị khóa 2 chiều sau 2 giờ, bấm phím 1 để gặp cán bộ". Cục Viễn thông khẳng định không gọi điện yêu cầu cung cấp mã OTP; việc chuẩn hóa thực hiện tại cửa hàng nhà mạng.',
    kind="article",
)
N(
    "news_quote",
    'Theo cơ quan thuế, tin nhắn "Quý khách có khoản hoàn thuế, vui lòng đăng nhập đường link và xác thực khuôn mặt" là giả mạo. Người nộp thuế chỉ dùng eTax Mobile tải từ kho ứng dụng chính thức.',
    kind="article",
    nd=True,
)
N(
    "news_quote",
    'Trước concert cuối tuần, công an phường cảnh báo các bài "pass vé giá gốc, cọc trước 50% giữ vé" trên mạng xã hội. Nhiều người đã chuyển tiền rồi bị chặn liên lạc; người mua chỉ nên mua trên nền tảng của ban tổ chức.',
    kind="article",
)
N(
    "news_quote",
    'Sau bão, xuất hiện các tài khoản mạo danh nhóm thiện nguyện kêu gọi "góp 500k mua nhu yếu phẩm, chuyển vào tài khoản trưởng nhóm". Công an khuyến cáo chỉ ủng hộ qua tài khoản của Ủy ban MTTQ và Hội Chữ thập đỏ các cấp.',
    kind="article",
    nd=True,
)
# official flood-relief accounts
N(
    "relief_real",
    "Ủy ban MTTQ tỉnh tiếp nhận ủng hộ đồng bào bị thiệt hại do lũ qua tài khoản mang tên Ban Vận động cứu trợ tỉnh tại Vietcombank và BIDV, sao kê công khai hằng ngày trên cổng thông tin của tỉnh.",
    nd=True,
)
N(
    "relief_real",
    "Lớp 7A quyên góp ủng hộ các bạn học sinh vùng lũ: mỗi bạn tự nguyện, gửi trực tiếp cô chủ nhiệm ở lớp, cô lập danh sách và nộp về Liên đội để chuyển qua Hội Chữ thập đỏ phường.",
    kind="comment",
)
# gold prices and shops
N(
    "gold_real",
    "Sáng nay giá vàng miếng SJC niêm yết 152-154 triệu đồng/lượng, vàng nhẫn tăng 800.000 đồng/lượng so với hôm qua. Chuyên gia khuyên người dân mua bán tại doanh nghiệp được cấp phép, giữ hóa đơn.",
    kind="article",
)
N(
    "gold_real",
    "Tiệm vàng Kim Hưng: nhận đặt nhẫn cưới theo yêu cầu, cọc 30% tại cửa hàng, có phiếu hẹn và hóa đơn, nhận hàng sau 7 ngày. Mua bán vàng 9999 theo giá niêm yết trên bảng điện tử.",
    nd=True,
)
# labour export registration, no-fee jobs
N(
    "labour_real",
    "Trung tâm Lao động ngoài nước thông báo tiếp nhận đăng ký dự tuyển chương trình EPS đi Hàn Quốc ngành sản xuất chế tạo tại Trung tâm Dịch vụ việc làm tỉnh. Người lao động chỉ nộp lệ phí thi tiếng Hàn theo quy định, có biên lai; không qua môi giới.",
    nd=True,
)
N(
    "labour_real",
    "Công ty có giấy phép đưa người lao động đi làm việc ở nước ngoài tuyển 30 lao động đi Nhật đơn hàng chế biến thực phẩm. Chi phí theo hợp đồng đăng ký với Sở, đóng khi có tư cách lưu trú, thu tại văn phòng có hóa đơn.",
)
N(
    "job_real",
    "Quán cà phê cần tuyển 2 bạn phục vụ ca tối 18h-22h, 25k/giờ, trả lương cuối tháng qua tài khoản. Không thu phí, không cọc đồng phục. Qua quán phỏng vấn trực tiếp, 12 Nguyễn Trãi.",
    nd=True,
)
# bank loans and cards
N(
    "loan_real",
    "Khoản vay tín chấp của anh đã được phê duyệt 80 triệu, giải ngân thẳng vào tài khoản lương của anh tại chi nhánh sau khi anh ký hợp đồng tại quầy. Ngân hàng không thu phí trước giải ngân.",
    kind="comment",
    nd=True,
)
N(
    "loan_real",
    "Ngân hàng thông báo: hạn mức thẻ tín dụng chỉ được điều chỉnh khi khách hàng đề nghị trên ứng dụng chính thức hoặc tại chi nhánh. Ngân hàng không gọi điện mời nâng hạn mức và không yêu cầu khách hàng đọc mã OTP.",
)
N(
    "loan_real",
    "e moi vay mua xe o ngan hang, nv tu van ra tan nha nhung ky hop dong tai chi nhanh, giai ngan thang cho dai ly xe, k mat dong phi nao truoc. ai can thi e gui so chi nhanh",
    kind="comment",
    variant="teencode",
)


SET.write(Path(__file__).with_name("scam_fresh4.jsonl"), "is", "in")
