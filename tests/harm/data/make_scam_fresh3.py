"""Build tests/harm/data/scam_fresh3.jsonl: a fourth labelled set for the scam rules, never seen by them.

Written on 27 Nov 2026 by a helper who had NOT read src/tinhhinh/data/scam_rules.yaml nor
tests/harm/test_scam.py (beyond the fresh2 disjointness test, to append one like it), and committed
before the set was scored, so that the first score of rules 2026.11.27-4 on it is a clean measurement
(issue #7 item 1). Positives paraphrase scam messages described in published police / press warnings
whose URLs are in none of scam_set.jsonl, scam_fresh.jsonl, scam_fresh2.jsonl (test_scam.py checks
this); they favour kinds the earlier sets lack: fake restaurant / banquet bookings that push the owner to
buy wine from a "supplier", fake soldiers and hospital staff ordering food, fake "phạt nguội" traffic fines,
room and hotel deposits, parents called about a child's accident, debt or exam file, fake produce
sellers, bank-account rental, cheap vehicles "thanh lý hải quan", livestream spin / game-glitch bets,
pension and Tết-aid calls to the elderly, child-model castings, Facebook group take-over, fake agency pages,
tutoring-class fees. Phone and account numbers are invented. Many are typed the way such messages really
look: without marks or in teencode (typed by hand). Negatives are hard ones of new kinds: real
restaurant bookings, real traffic-fine notices, real room / vehicle / produce ads, class-parent notices,
pension and Tết-gift notices, real talent contests, game publishers, group admins, tutors.
Run: PYTHONPATH=src python tests/harm/data/make_scam_fresh3.py
"""

from pathlib import Path

from scamsets import ScamSet

S = {
    "baokhanhhoa_tiec": (
        "Báo Khánh Hòa",
        "Cảnh báo lừa đảo bằng hình thức đặt tiệc nhà hàng",
        "https://baokhanhhoa.vn/phap-luat/202302/canh-bao-lua-dao-bang-hinh-thuc-dat-tiec-nha-hang-8276134",
    ),
    "baobinhthuan_tiec": (
        "Báo Bình Thuận",
        "Nhà hàng, quán ăn cảnh giác với thủ đoạn lừa đặt bàn tiệc",
        "https://baobinhthuan.com.vn/nha-hang-quan-an-canh-giac-voi-thu-doan-lua-dat-ban-tiec-108948.html",
    ),
    "vietnamnet_tiec": (
        "VietNamNet",
        "Thủ đoạn giả khách giàu có vung tiền đặt tiệc nhà hàng sang xịn miền Trung để lừa tiền",
        "https://vietnamnet.vn/thu-doan-gia-khach-giau-co-vung-tien-dat-tiec-nha-hang-sang-xin-mien-trung-de-lua-tien-2126682.html",
    ),
    "phapluatplus_tiec": (
        "Pháp luật Plus (Báo Pháp luật Việt Nam)",
        "Cảnh báo thủ đoạn lừa đảo đặt tiệc nhà hàng",
        "https://phapluatplus.baophapluat.vn/canh-bao-thu-doan-lua-dao-dat-tiec-nha-hang-173475.html",
    ),
    "baohatinh_quannhan": (
        "Báo Hà Tĩnh",
        "Thủ đoạn giả danh quân nhân để lừa đảo mua hàng cho đơn vị",
        "https://baohatinh.vn/thu-doan-gia-danh-quan-nhan-de-lua-dao-mua-hang-cho-don-vi-post262142.html",
    ),
    "bienphong_108": (
        "Báo Biên phòng (đăng lại trên csdl.lsu.vn)",
        "Xuất hiện chiêu trò lừa đảo mới trên không gian mạng",
        "https://csdl.lsu.vn/?p=1962",
    ),
    "thanhnien_phatnguoi": (
        "Thanh Niên",
        "Cảnh giác với trò lừa đảo phạt nguội 100.000 đồng",
        "https://thanhnien.vn/canh-giac-voi-tro-lua-dao-phat-nguoi-100000-dong-185250808190756022.htm",
    ),
    "cafef_phatnguoi_hcm": (
        "CafeF (theo Phòng CSGT Công an TP.HCM)",
        "Cảnh báo chiêu lừa nộp phạt giao thông qua cổng dịch vụ công giả",
        "https://cafef.vn/canh-bao-chieu-lua-nop-phat-giao-thong-qua-cong-dich-vu-cong-gia-188250809102521485.chn",
    ),
    "viettimes_csgt": (
        "VietTimes",
        "Giả mạo Cục CSGT nhắn tin thông báo phạt nguội",
        "https://viettimes.vn/gia-mao-cuc-csgt-nhan-tin-thong-bao-phat-nguoi-post176078.html",
    ),
    "kenh14_camau_phatnguoi": (
        "Kenh14 (theo Công an tỉnh Cà Mau)",
        "Ai có tài khoản ngân hàng chú ý: xóa ngay tin nhắn Zalo, Facebook, SMS có nội dung sau",
        "https://kenh14.vn/ai-co-tai-khoan-ngan-hang-chu-y-xoa-ngay-tin-nhan-zalo-facebook-sms-co-noi-dung-sau-215260313083326631.chn",
    ),
    "cafef_tro_hcm": (
        "CafeF (theo Công an TP.HCM)",
        "Công an TP HCM cảnh báo chiêu lừa khiến nhiều người dân, sinh viên lao đao",
        "https://cafef.vn/cong-an-tp-hcm-canh-bao-chieu-lua-khien-nhieu-nguoi-dan-sinh-vien-lao-dao-188250907131351159.chn",
    ),
    "soha_tro_lamdong": (
        "Soha (theo Công an tỉnh Lâm Đồng)",
        "Công an cảnh báo tới tất cả những người đi thuê trọ",
        "https://soha.vn/cong-an-canh-bao-toi-tat-ca-nhung-nguoi-di-thue-tro-19825091707583865.htm",
    ),
    "vtv_phong_danang": (
        "VTV (theo Công an TP Đà Nẵng)",
        "Cẩn trọng với bẫy lừa khi thuê phòng qua mạng",
        "https://vtv.vn/xa-hoi/can-trong-voi-bay-lua-khi-thue-phong-qua-mang-20241224091758156.htm",
    ),
    "laodong_phixemphong": (
        "Lao Động",
        '"Bẫy" phòng trọ núp ở hội, nhóm trên mạng, tân sinh viên mất oan phí xem phòng',
        "https://amp.laodong.vn/ban-doc/bay-phong-tro-nup-o-hoi-nhom-tren-mang-tan-sinh-vien-mat-oan-phi-xem-phong-1235948.ldo",
    ),
    "cafef_giasu": (
        "CafeF (theo Bộ KH&CN)",
        "Từ bẫy cọc trọ đến hợp đồng gia sư giả: sinh viên lọt vào tầm ngắm của tội phạm mạng",
        "https://cafef.vn/tu-bay-coc-tro-den-hop-dong-gia-su-gia-sinh-vien-lot-vao-tam-ngam-cua-toi-pham-mang-188251026071707765.chn",
    ),
    "thpl_concapcuu": (
        "Thương hiệu và Pháp luật",
        'Nhiều trường cảnh báo chiêu trò lừa đảo "con đang cấp cứu"',
        "https://thuonghieuvaphapluat.vn/ha-noi-nhieu-truong-canh-bao-chieu-tro-lua-dao-con-dang-cap-cuu-d59246.html",
    ),
    "cafef_connotien": (
        "CafeF (theo VTC News)",
        'Hà Nội xuất hiện chiêu lừa đảo mới: "con nợ tiền", yêu cầu phụ huynh trả gấp',
        "https://cafef.vn/ha-noi-xuat-hien-chieu-lua-dao-moi-con-no-tien-yeu-cau-phu-huynh-tra-gap-20230324082048774.chn",
    ),
    "giaoducthudo_tuyensinh": (
        "Giáo dục Thủ đô",
        "Cảnh giác muôn kiểu lừa gạt mùa tuyển sinh",
        "https://giaoducthudo.giaoducthoidai.vn/canh-giac-muon-kieu-lua-gat-mua-tuyen-sinh-176562.html",
    ),
    "nghean24h_thpt": (
        "Nghệ An 24h",
        "Cảnh báo thủ đoạn lừa đảo nhằm vào phụ huynh học sinh lớp 12",
        "https://nghean24h.vn/canh-bao-thu-doan-lua-dao-nham-vao-phu-huynh-hoc-sinh-lop-12-a751081.html",
    ),
    "baodantoc_nongsan": (
        "Báo Dân tộc và Phát triển",
        'Cẩn trọng với chiêu trò thu mua nông sản "lạ"',
        "https://cacchuongtrinhmuctieuquocgia.baodantoc.vn/can-trong-voi-chieu-tro-thu-mua-nong-san-la-1718854316882.htm",
    ),
    "cafef_thuetk": (
        "CafeF (theo Công an tỉnh Cà Mau)",
        'Cảnh báo bẫy cho thuê, mua bán tài khoản ngân hàng nhận "hoa hồng"',
        "https://cafef.vn/canh-bao-bay-cho-thue-mua-ban-tai-khoan-ngan-hang-nhan-hoa-hong-188260308202942732.chn",
    ),
    "dantri_motk": (
        "Dân trí (theo Bộ Công an)",
        'Hiểm họa khi sinh viên mở tài khoản ngân hàng theo "đặt hàng" của tội phạm',
        "https://dantri.com.vn/phap-luat/hiem-hoa-khi-sinh-vien-mo-tai-khoan-ngan-hang-theo-dat-hang-cua-toi-pham-20260311165254066.htm",
    ),
    "okxe_xemay": (
        "OKXE",
        "Kinh nghiệm để tránh bị lừa đảo khi mua xe máy cũ",
        "https://okxe.vn/blog/tu-van/kinh-nghiem-de-tranh-bi-lua-dao-khi-mua-xe-may-cu",
    ),
    "lsvn_oto": (
        "Luật sư Việt Nam (theo Công an TP Hà Nội)",
        "Công an Hà Nội cảnh báo không đặt cọc mua bán ô tô cũ giá rẻ trên mạng xã hội",
        "https://lsvn.vn/cong-an-ha-noi-canh-bao-khong-dat-coc-mua-ban-o-to-cu-gia-re-tren-mang-xa-hoi-a151029.html",
    ),
    "vneconomy_xehaiquan": (
        "VnEconomy",
        'Lừa đảo bán "xe xịn giá rẻ" trên mạng xã hội',
        "https://en.vneconomy.vn/lua-dao-ban-xe-xin-gia-re-tren-mang-xa-hoi.htm",
    ),
    "thitruongvn_xe": (
        "Thị trường Việt Nam (theo Công an huyện Thường Xuân, Thanh Hóa)",
        "Nhận diện chiêu lừa đảo mua xe nhập khẩu giá rẻ qua mạng",
        "https://thitruongvietnam.vn/phap-luat/nhan-dien-chieu-lua-dao-mua-xe-nhap-khau-gia-re-qua-mang-789582.html",
    ),
    "plo_quayso": (
        "PLO (theo Công an tỉnh Hà Tĩnh)",
        "Nữ sinh lớp 10 trình báo bị lừa đảo với trò quay số trúng thưởng trên mạng",
        "https://plo.vn/nu-sinh-lop-10-trinh-bao-bi-lua-dao-voi-tro-quay-so-trung-thuong-tren-mang-post871667.html",
    ),
    "vietgiaitri_game": (
        "Việt Giải Trí (theo Công an tỉnh Thanh Hóa)",
        "Mất tiền tỉ vì chơi game trúng thưởng online",
        "https://vietgiaitri.com/mat-tien-ti-vi-choi-game-trung-thuong-online-20240911i7264716",
    ),
    "cafef_luonghuu_hungyen": (
        "CafeF (theo Công an tỉnh Hưng Yên)",
        "Công an cảnh báo 4 chiêu lừa đảo mới chiếm đoạt tiền của người dân, tuyệt đối không làm theo",
        "https://cafef.vn/cong-an-canh-bao-4-chieu-lua-dao-moi-chiem-doat-tien-cua-nguoi-dan-tuyet-doi-khong-lam-theo-188251113065641239.chn",
    ),
    "kenh14_luonghuu_nghean": (
        "Kenh14 (theo Công an tỉnh Nghệ An)",
        "Công an cảnh báo thủ đoạn lừa đảo mới nhắm vào người hưởng lương hưu và trợ cấp bảo hiểm xã hội",
        "https://kenh14.vn/cong-an-canh-bao-thu-doan-lua-dao-moi-nham-vao-nguoi-huong-luong-huu-va-tro-cap-bao-hiem-xa-hoi-215251219160626571.chn",
    ),
    "plo_hotrotet": (
        "PLO (theo BHXH TP.HCM)",
        "Cảnh giác bẫy 'hỗ trợ Tết', 'trợ cấp BHXH' giả mạo",
        "https://plo.vn/canh-giac-bay-ho-tro-tet-tro-cap-bhxh-gia-mao-post891983.html",
    ),
    "thanhnien_quatet": (
        "Thanh Niên",
        "Người cao tuổi liên tiếp sập bẫy lừa đảo hỗ trợ quà tết",
        "https://thanhnien.vn/nguoi-cao-tuoi-lien-tiep-sap-bay-lua-dao-ho-tro-qua-tet-185260112095930744.htm",
    ),
    "baolaocai_maunhi": (
        "Báo Lào Cai",
        "Cảnh báo chiêu trò lừa đảo tuyển mẫu nhí",
        "https://baolaocai.vn/canh-bao-chieu-tro-lua-dao-tuyen-mau-nhi-post370500.html",
    ),
    "congan_quangninh_maunhi": (
        "Công an tỉnh Quảng Ninh",
        'Cảnh giác với chiêu trò "lừa tuyển mẫu nhí"',
        "https://congan.quangninh.gov.vn/tin-antt-va-canh-bao-toi-pham/canh-giac-voi-chieu-tro-lua-tuyen-mau-nhi-26132.html",
    ),
    "nguoiduatin_vtv": (
        "Người Đưa Tin (theo Công an tỉnh Gia Lai)",
        "Cảnh báo chiêu trò tuyển diễn viên nhí, mẫu nhí để lừa đảo",
        "https://www.nguoiduatin.vn/canh-bao-chieu-tro-tuyen-dien-vien-nhi-mau-nhi-de-lua-dao-204260316153325095.htm",
    ),
    "nld_group": (
        "Người Lao Động",
        'Chủ một doanh nghiệp "khóc ròng" vì 7 group Facebook "bay màu" chỉ sau một cuộc gọi',
        "https://nld.com.vn/chu-mot-doanh-nghiep-khoc-rong-vi-7-group-facebook-bay-mau-chi-sau-mot-cuoc-goi-196251110172248904.htm",
    ),
    "znews_tickxanh": (
        "Znews",
        "Vì sao trang Bộ Tài chính, Cục An ninh có tick xanh vẫn là lừa đảo",
        "https://znews.vn/vi-sao-trang-bo-tai-chinh-cuc-an-ninh-co-tick-xanh-van-la-lua-dao-post1542312.html",
    ),
    "znews_meta": (
        "Znews",
        "Meta kiện một người Việt Nam vì quảng cáo lừa đảo",
        "https://znews.vn/meta-kien-mot-nguoi-viet-nam-vi-quang-cao-lua-dao-post1630715.html",
    ),
}

SET = ScamSet(S)
P, N = SET.P, SET.N

# --- scams -------------------------------------------------------------------------------------
P(
    "restaurant_order",
    "baokhanhhoa_tiec",
    "Chào chị, em Quân bên ban quản lý dự án tỉnh, em đặt 3 bàn tiệc 30 khách tối mai 18h nhé, em chuyển 1 triệu cọc rồi chị kiểm tra giúp. Tiệc bên em bắt buộc dùng rượu vang Chateau loại 2019, chị gọi đại lý quen của em số 0938 417 562 lấy 6 chai, chị ứng trước giúp em, tối em thanh toán gộp một lần ạ.",
    nd=True,
)
P(
    "restaurant_order",
    "baobinhthuan_tiec",
    "Da em la co Nhi giao vien truong THCS, em dat ban cho 25 nguoi an trua thu 7. Nha truong muon tang moi thay co 1 chai ruou vang ma em khong biet mua o dau, chi mua giup em 25 chai o cua hang nay nhe 0977 305 118, chi chuyen khoan cho ho truoc de ho giao kip, hom do em gui chi ca tien an lan tien ruou.",
    variant="no_diacritics",
)
P(
    "restaurant_order",
    "vietnamnet_tiec",
    "Anh ơi em gửi ảnh chuyển khoản 45.800.000đ tiền rượu vang với nước hồng sâm rồi đó, chắc liên ngân hàng nên về chậm. Khách VIP 50 người sắp tới rồi, anh chuyển gấp cho bên bán số em gửi để họ giao kịp trước 18h, muộn là hỏng việc đấy anh.",
    teen="a oi e gui anh ck 45tr8 tien ruou vang vs nuoc hong sam r do, chac lien nh nen ve cham. khach vip 50ng sap toi r, a ck gap cho ben ban so e gui de ho giao kip trc 18h, muon la hong viec day a",
)
P(
    "restaurant_order",
    "phapluatplus_tiec",
    "Chi oi em Hiep ben cong ty Han Quoc, khach quen nha hang do. Toi nay em tang len 40 khach, them 40 hop nuoc hong sam lam qua. Nha hang khong co thi chi goi so 036 248 9071 ben Bien Hoa, ho bao giao dich lan dau phai chuyen du tien moi giao, chi chuyen giup em nha, an xong em tra het.",
    variant="no_diacritics",
)
P(
    "military_order",
    "baohatinh_quannhan",
    "Alo chị Huyền à, anh thiếu tá hậu cần đơn vị đây, hôm trước đặt 30 cây giò đấy. Tiệc phát sinh thêm 15 kg bò khô, anh đặt bên nhà cung cấp quen rồi, chị ứng trước giúp anh 6,5 triệu chuyển vào số tài khoản anh nhắn, sáng mai mang cùng giò lên cổng doanh trại anh trả đủ cả hai khoản. Đơn vị không có chế độ đặt cọc nên chị thông cảm.",
    nd=True,
)
P(
    "military_order",
    "bienphong_108",
    "Em Khôi học viên Bệnh viện 108 đây chị, đoàn công tác đang tới Mộc Châu rồi. Chị đặt giúp em 1.500 hộp pate với kim chi bên Zalo 'West Food hàng nhập khẩu' em vừa gửi, bên đó yêu cầu cọc trước 30%, chị chuyển giúp em nhé, tối đoàn tới em thanh toán luôn cả tiền cơm.",
)
P(
    "traffic_fine",
    "thanhnien_phatnguoi",
    "CSGT VN: Ho so vi pham giao thong duoc luu tru duoi ten cua ban. De biet them thong tin va nop phat truc tuyen, vui long truy cap: dichvucong-csgt.top/vn",
    variant="no_diacritics",
)
P(
    "traffic_fine",
    "cafef_phatnguoi_hcm",
    "Cảnh sát giao thông Việt Nam: Hiện tại bạn đang có một khoản tiền phạt chưa thanh toán. Vui lòng thanh toán khoản phí này càng sớm càng tốt để tránh tăng mức phạt và tạm giữ phương tiện. Truy cập: https://dichvucong-gov.vip/nopphat",
    nd=True,
)
P(
    "traffic_fine",
    "viettimes_csgt",
    "Day la Cuc CSGT, ban co mot bien lai can nop phat. Day la thong bao cuoi, goi 0247 309 8816 de nghe lai (mien phi). Chi tiet l/h 9090.",
    variant="no_diacritics",
)
P(
    "traffic_fine",
    "viettimes_csgt",
    "Anh có một biên bản phạt nguội chưa nộp, hồ sơ đang chuyển điều tra. Để xử lý nhanh anh chuyển 2.500.000đ vào tài khoản tạm giữ của phòng CSGT tôi đọc sau đây, và không được nói với ai, kể cả nhân viên ngân hàng, vì vụ việc đang được giữ bí mật.",
    kind="comment",
)
P(
    "traffic_fine",
    "kenh14_camau_phatnguoi",
    "[Thông báo] Phương tiện biển số 69B1-xxx.xx của bạn có lỗi vi phạm tốc độ ghi nhận qua camera. Nhập biển số tại csgt-vn.info để tra cứu và nộp phạt, sau 48h hồ sơ sẽ chuyển cưỡng chế.",
    nd=True,
)
P(
    "room_rental",
    "cafef_tro_hcm",
    "Phòng trọ mới xây Bình Thạnh 2tr8, full nội thất, giờ giấc tự do, gần ĐH Hutech. Nhiều bạn hỏi lắm, bạn nào ưng thì ck cọc 1 triệu giữ phòng trước, mình đang ở quê chưa dẫn xem được, cuối tuần lên mình giao chìa khóa.",
    kind="post",
    nd=True,
)
P(
    "room_rental",
    "soha_tro_lamdong",
    "Còn đúng 1 phòng giá sinh viên 1tr5 gần ĐH Đà Lạt, bao điện nước wifi. Đang có 3 người hẹn xem chiều nay, em muốn giữ thì chuyển cọc 500k trước qua stk chủ nhà anh gửi, không thì anh cho người khác nhé.",
    teen="con dung 1 phong gia sv 1tr5 gan dh da lat, bao dien nc wifi. dang co 3ng hen xem chieu nay, e muon giu thi ck coc 500k trc qua stk chu nha a gui, k thi a cho ng khac nha",
)
P(
    "room_rental",
    "vtv_phong_danang",
    "Dạ bên em đã nhận 4.200.000đ của chị nhưng hệ thống báo lỗi do nội dung chuyển chưa đúng mã đặt phòng. Chị vui lòng chuyển thêm 4.200.000đ đúng mã MB2012, kế toán khách sạn sẽ hoàn lại khoản trước cho chị trong 15 phút ạ.",
    nd=True,
)
P(
    "room_rental",
    "laodong_phixemphong",
    "Hội tìm trọ Cầu Giấy: chị có 5 phòng chung cư mini 3tr5 quanh Quan Hoa. Muốn đi xem thì đóng phí xem phòng 200k trước qua momo 0862 775 140 để chị xếp lịch, xem không ưng thì không hoàn nhé em.",
    kind="post",
    nd=True,
)
P(
    "room_rental",
    "cafef_giasu",
    "Mình về quê dịp lễ rồi, cả nhà trọ cũng về hết nên chưa cho em xem được. Em chuyển cọc 500k trước, mình gửi thêm ảnh phòng, lễ xong lên mình giao chìa.",
)
P(
    "tutor_fee",
    "cafef_giasu",
    "Trung tâm gia sư có lớp Toán 9 ở Cầu Giấy, 3 buổi/tuần, 250k/buổi. Bạn nhận lớp thì chuyển phí nhận lớp 50% lương tháng đầu (1.500.000đ) vào tài khoản trung tâm trước, nhận tiền xong bên mình gửi hợp đồng và số phụ huynh.",
    teen="tt gia su co lop toan 9 o cau giay, 3b/tuan, 250k/b. ban nhan lop thi ck phi nhan lop 50% luong thang dau (1tr5) vao tk trung tam trc, nhan tien xong ben minh gui hd vs sdt phu huynh nha",
)
P(
    "parent_school",
    "thpl_concapcuu",
    "Chị ơi em là cô Hằng dạy thể dục lớp 10A3 của bé Minh. Bé bị ngã trong giờ thể dục, hôn mê, đang cấp cứu, bác sĩ phải phẫu thuật não gấp. Chị chuyển ngay 85 triệu tiền mổ vào số tài khoản bác sĩ trưởng khoa em gửi và ủy quyền để bệnh viện mổ, chậm là nguy hiểm lắm chị.",
    nd=True,
)
P(
    "parent_school",
    "cafef_connotien",
    "Alo chi phai me ban Tuan lop 12A1 khong? Con chi mua do o cua hang em het 5 trieu chua tra, de lai the hoc sinh o day. Chi chuyen khoan 5 trieu vao so 0451 0006 22871 Vietcombank de em tra the cho chau, khong thi em bao nha truong.",
    variant="no_diacritics",
)
P(
    "parent_school",
    "giaoducthudo_tuyensinh",
    "Thông báo từ nhà trường: thông tin đăng ký dự thi tốt nghiệp của học sinh chưa chính xác, căn cước cần cập nhật mức độ 2 để bổ sung hồ sơ, hoàn tất trong ngày. Phụ huynh liên hệ công an phường số 0869 224 037 để được hướng dẫn.",
    nd=True,
)
P(
    "parent_school",
    "nghean24h_thpt",
    "Em chào anh, em bên công an phường hỗ trợ hồ sơ thi cho con anh. Anh bấm vào đường link này cài căn cước điện tử mức 2 cho cháu rồi làm theo hướng dẫn quét khuôn mặt là xong, làm ngay kẻo hết hạn bổ sung hồ sơ anh nhé.",
)
P(
    "farm_trade",
    "baodantoc_nongsan",
    "Ben minh con 2 ta bo xit den say kho hang dep, gia 650k/kg, gui xe khach toan quoc. Khach dat lan dau chuyen coc truoc giup minh, du coc minh cho xe chay ngay trong dem, sang mai anh ra ben nhan hang.",
    variant="no_diacritics",
)
P(
    "account_rental",
    "cafef_thuetk",
    "Tuyển CTV nhận - chuyển tiền tại nhà, không cần vốn. Chỉ cần cho thuê tài khoản ngân hàng đứng tên mình, nhận hoa hồng 3-5 triệu mỗi tháng, trả trước 1 tháng. Ib Zalo 0795 381 264 gửi ảnh CCCD và thẻ ATM là có tiền liền.",
    kind="post",
    nd=True,
)
P(
    "account_rental",
    "dantri_motk",
    "Việc nhẹ lương cao cho học sinh sinh viên: mở giúp bên mình 1 tài khoản ngân hàng mới, gửi thẻ ATM, mật khẩu internet banking và SIM đăng ký, nhận ngay 2 triệu/tài khoản. Đảm bảo an toàn tuyệt đối, bên mình chỉ dùng nhận tiền hộ đối tác.",
    kind="post",
    teen="vc nhe luong cao cho hs sv: mo giup ben mik 1 tk nh moi, gui the atm + mk ib + sim dk, nhan lien 2tr/tk. dam bao an toan tuyet doi, ben mik chi dung nhan tien ho doi tac thoi",
)
P(
    "vehicle_sale",
    "okxe_xemay",
    "Em bán SH 2020 chính chủ 38 triệu do cần tiền gấp, xe đang ở Đắk Lắk. Anh ở xa thì chuyển cọc 3 triệu giữ xe, em gửi xe theo nhà xe về tận nhà, nhận xe kiểm tra ưng mới trả phần còn lại.",
    kind="post",
    nd=True,
)
P(
    "vehicle_sale",
    "lsvn_oto",
    "Lô xe thanh lý, Camry 2021 giá 380 triệu, bên em quen cơ quan thuế nên hợp thức hóa giấy tờ đầy đủ, đăng ký chính chủ toàn quốc. Anh đặt cọc 20 triệu giữ xe vào tài khoản công ty, phí vận chuyển và làm thủ tục tính riêng.",
)
P(
    "vehicle_sale",
    "vneconomy_xehaiquan",
    "Xe thanh ly dot 1 Hai quan chinh ngach: Exciter, Winner, Vario chi tu 5.000.000d den 25.000.000d, bao giay to. LH 0823 556 019, dat coc 1 trieu giu xe, hang ve theo lo, het la thoi.",
    kind="post",
    variant="no_diacritics",
)
P(
    "vehicle_sale",
    "thitruongvn_xe",
    "Chào anh, tôi là cán bộ Phòng Cảnh sát giao thông, đang làm thủ tục biển số cho chiếc xe anh vừa đặt mua. Hồ sơ của anh còn thiếu lệ phí đăng ký và phí bấm biển 4.800.000đ, anh chuyển vào tài khoản tôi gửi trong chiều nay để kịp ra biển.",
    nd=True,
)
P(
    "game_spin",
    "plo_quayso",
    "Kèo vừa rồi bị gãy nên em thua rồi. Giờ em ứng trước 2 triệu vào stk 3564 1187 209 MB để chơi kèo mới, anh đảm bảo thắng, thắng xong hoàn lại tiền ứng là rút được hết.",
    teen="keo vua r bi gay nen e thua r. gio e ung trc 2tr vao stk 3564 1187 209 mb de choi keo moi, a bao thang, thang xong hoan lai tien ung la rut dc het nha",
)
P(
    "game_spin",
    "plo_quayso",
    "Chúc mừng bạn đã thắng 8.500.000đ. Do bạn ghi sai nội dung giao dịch nên hệ thống treo lệnh, nộp thêm 500k phí sửa lỗi thì mới rút được thưởng nhé.",
    nd=True,
)
P(
    "game_spin",
    "vietgiaitri_game",
    "Chị ơi em làm IT bên công ty game, hệ thống lỗi từ 15h đến 15h30 mỗi ngày, vào chơi lúc đó là chắc thắng. Chị đăng nhập link em gửi, nạp 10 triệu chơi thử đi, lời chia đôi, bảo đảm không mất đồng nào.",
)
P(
    "pension_aid",
    "cafef_luonghuu_hungyen",
    "BHXH thông báo: hồ sơ hưởng lương hưu của ông/bà cần xác minh lại để tiếp tục nhận trợ cấp từ tháng sau. Vui lòng cung cấp số tài khoản nhận lương hưu, mã OTP ngân hàng gửi về và nộp 350.000đ phí xử lý hồ sơ qua cán bộ phụ trách 0356 118 402.",
    nd=True,
)
P(
    "pension_aid",
    "cafef_luonghuu_hungyen",
    "Cháu hỗ trợ chú làm hồ sơ tăng lương hưu thêm 1,2 triệu mỗi tháng, được hưởng chế độ ưu đãi đặc biệt. Phí dịch vụ 3 triệu, chú chuyển trước cháu nộp hồ sơ luôn trong tuần này.",
)
P(
    "pension_aid",
    "kenh14_luonghuu_nghean",
    "THONG BAO: Tai khoan huong tro cap cua ban can cap nhat thong tin. Truy cap ngay bhxh-vss.info de tiep tuc. Khong thuc hien trong 24h se bi khoa.",
    variant="no_diacritics",
)
P(
    "pension_aid",
    "plo_hotrotet",
    "Cán bộ phường thông báo: bác thuộc diện được nhận tiền hỗ trợ Tết 1.500.000đ từ quỹ bảo hiểm thất nghiệp. Bác bấm vào đường link cập nhật VssID và đọc mã OTP để bên cháu chuyển tiền trong hôm nay ạ.",
    nd=True,
)
P(
    "pension_aid",
    "thanhnien_quatet",
    "Bác Diệp ạ, cháu cán bộ phường, bác có tên trong danh sách nhận quà Tết 400.000đ. Bác kết bạn Zalo số này để cháu gửi đường link đăng nhập đăng ký nhận tiền, hạn đăng ký hết chiều nay thôi bác.",
)
P(
    "kid_model",
    "baolaocai_maunhi",
    "Canifa - Chắp cánh ước mơ mẫu nhí: bé nhà mình đã qua vòng hồ sơ ạ. Mẹ vào nhóm Telegram làm nhiệm vụ tương tác để tăng điểm cho bé, nhiệm vụ cuối chuyển khoản 30 triệu để đẩy nhanh tiến độ, tiền được hoàn kèm hoa hồng ngay sau khi xác nhận.",
    nd=True,
)
P(
    "kid_model",
    "congan_quangninh_maunhi",
    "Tuyen mau nhi 3-12 tuoi chup anh tai gia, thu nhap 7-15 trieu/thang cho be. Khong can kinh nghiem, chu dong thoi gian. Phu huynh ib zalo 0947 662 318 de duoc huong dan mua san pham chup mau, hoan tien 100% + hoa hong 20% sau moi don.",
    kind="post",
    variant="no_diacritics",
)
P(
    "kid_model",
    "nguoiduatin_vtv",
    "VTV casting diễn viên nhí cho chương trình thiếu nhi mùa mới, cơ hội lên sóng truyền hình quốc gia, thu nhập cao, không cần kinh nghiệm. Phụ huynh nhắn qua Telegram để xét duyệt hồ sơ và thanh toán phí hồ sơ 650.000đ, chỉ nhận 50 bé đầu tiên.",
    kind="post",
    teen="vtv casting dv nhi cho ct thieu nhi mua moi, co hoi len song truyen hinh qg, thu nhap cao, k can kn. ph nhan qua tele de xet duyet hs + tt phi hs 650k, chi nhan 50 be dau tien thoi nha",
)
P(
    "social_takeover",
    "nld_group",
    "Em ơi anh Quang đây, nick chính của anh đang bị hạn chế đăng bài, không thao tác được gì. Em thêm nick này làm quản trị viên group giúp anh để anh tạm quản lý mấy hôm nhé, gấp nha em.",
    teen="e oi a quang day, nick chinh cua a dang bi han che dang bai, k thao tac dc gi. e them nick nay lam qtv group giup a de a tam quan ly may hom nhe, gap nha e",
)
P(
    "fake_agency_page",
    "znews_tickxanh",
    "Cục An ninh - Bộ Công an hỗ trợ người dân lấy lại tiền bị lừa, thu hồi tài sản kẹt trên app chứng khoán, nhiệm vụ Shopee, Lazada. Inbox trang để được cán bộ hướng dẫn lập hồ sơ, hoàn tiền trong 24h.",
    kind="post",
    nd=True,
)
P(
    "fake_shop_ad",
    "znews_meta",
    "Xả kho Longchamp chính hãng giảm 90% chỉ 299k, hoàn thành khảo sát 3 câu để nhận ưu đãi. Nhập thông tin thẻ tín dụng để thanh toán phí vận chuyển 29k, số lượng có hạn trong hôm nay!",
    kind="post",
    nd=True,
)

# --- hard negatives of kinds the earlier sets lack ----------------------------------------------
N(
    "restaurant_real",
    "Nhà hàng Hương Biển xác nhận: đặt 3 bàn tiệc 30 khách tối thứ Bảy 18h, đã nhận cọc 1.000.000đ. Rượu và đồ uống quý khách gọi tại quầy theo thực đơn hoặc tự mang theo. Mọi thay đổi xin báo trước 1 ngày qua số điện thoại của nhà hàng.",
    kind="comment",
    nd=True,
)
N(
    "restaurant_real",
    "Cuối năm công ty mình đặt tiệc 50 người ở quán lẩu dê đầu ngõ, bên quán bảo cọc 2 triệu rồi hôm đó thanh toán nốt, ai có ý kiến món thì nhắn trong nhóm trước thứ 5 nhé.",
    kind="comment",
)
N(
    "restaurant_real",
    "Quán nhận đặt cỗ cưới, cỗ giỗ tại nhà từ 10 mâm, báo giá trọn gói không phát sinh. Đặt cọc 10% khi ký hợp đồng tại quán, thanh toán phần còn lại sau khi phục vụ xong.",
    nd=True,
)
N(
    "traffic_real",
    "Phòng CSGT Công an tỉnh gửi thông báo vi phạm bằng văn bản tới chủ phương tiện, đề nghị đến trụ sở trong 20 ngày để giải quyết. Người dân tra cứu phạt nguội trên trang csgt.bocongan.gov.vn hoặc ứng dụng VNeTraffic.",
    kind="article",
)
N(
    "traffic_real",
    "Nhà mình vừa nhận giấy mời lên đội CSGT vì xe vượt đèn đỏ hôm tháng trước, có ảnh chụp camera đàng hoàng. Lên làm việc rồi nộp phạt ở kho bạc thôi, mọi người đi đường cẩn thận nhé.",
    nd=True,
)
N(
    "traffic_real",
    "Cảnh sát giao thông Thủ đô ra quân kiểm soát nồng độ cồn dịp cuối năm; mức phạt với người đi xe máy từ 2 đến 10 triệu đồng, kèm tước giấy phép lái xe từ 10 đến 24 tháng.",
    kind="article",
)
N(
    "rental_real",
    "Cho thuê phòng trọ 20m2 khép kín gần ĐH Bách Khoa, 2,8 triệu/tháng, điện nước giá dân. Xem phòng trực tiếp mọi ngày, ký hợp đồng và đặt cọc 1 tháng tại phòng, có giấy biên nhận.",
    nd=True,
)
N(
    "rental_real",
    "nhom minh o ccmn duong lang can tim 1 ban nu o ghep, 1tr6/ng, ai qtam hen qua xem phong r gap chu nha ky hd nhe",
    variant="teencode",
)
N(
    "rental_real",
    "Khách sạn xác nhận đã nhận tiền cọc 1.200.000đ cho phòng Deluxe 2 đêm 24-26/12. Số còn lại quý khách thanh toán tại quầy lễ tân khi nhận phòng. Mọi thay đổi vui lòng gọi số tổng đài in trên website.",
    kind="comment",
)
N(
    "vehicle_real",
    "Bán Wave Alpha 2019 chính chủ, máy zin, giấy tờ đầy đủ, 11,5 triệu có thương lượng. Xem xe tại nhà ở Hoàng Mai, sang tên công chứng tại chỗ, ai ở xa thì nhờ người quen qua xem giúp.",
    nd=True,
)
N(
    "vehicle_real",
    "Đại lý thông báo: khách đặt cọc VinFast VF3 ký hợp đồng mua bán tại showroom, chuyển khoản vào tài khoản công ty ghi trên hợp đồng, nhận xe sau 2 tuần.",
    kind="comment",
)
N(
    "vehicle_real",
    "Cục Hải quan tổ chức đấu giá công khai lô xe ô tô tịch thu; người tham gia đăng ký tại tổ chức đấu giá, nộp tiền đặt trước vào tài khoản của tổ chức đấu giá và được hoàn lại nếu không trúng.",
    kind="article",
)
N(
    "farm_real",
    "Vựa bên mình thu mua sầu riêng Ri6 đẹp 85-90k/kg, cắt tại vườn, cân xong trả tiền mặt hoặc chuyển khoản ngay tại vườn. Bà con cần bán liên hệ 0913 226 481.",
    nd=True,
)
N(
    "farm_real",
    "Giá thanh long ruột đỏ tại Bình Thuận tăng lên 25.000 đồng/kg, thương lái thu mua tại vườn để đóng container xuất khẩu dịp cuối năm.",
    kind="article",
)
N(
    "farm_real",
    "ai co vit co ban tet cho minh 30 con, minh qua tan noi xem r tra tien luon, o gan gia lam cang tot",
    variant="teencode",
)
N(
    "class_parent",
    "Kính gửi phụ huynh lớp 5A: nhà trường thu tiền học kỳ II qua tài khoản của trường ghi trên phiếu báo, nội dung ghi họ tên học sinh. Giáo viên chủ nhiệm không thu tiền qua tài khoản cá nhân. Mọi thắc mắc xin liên hệ văn phòng trường.",
    kind="comment",
    nd=True,
)
N(
    "class_parent",
    "Các mẹ ơi, quỹ lớp kỳ này mỗi bạn 200k, em thủ quỹ thu trực tiếp hôm họp phụ huynh thứ 7 và ghi sổ công khai nhé. Ai chưa đi được thì gửi con mang tiền trong phong bì.",
    kind="comment",
)
N(
    "class_parent",
    "Bé Minh lớp 4A bị sốt ở lớp, y tế trường đã cho bé nằm nghỉ và chườm mát, mẹ bé đón sớm giúp cô nhé. Cô gọi số của mẹ mà chưa được.",
    kind="comment",
    nd=True,
)
N(
    "pension_real",
    "Bưu điện xã thông báo chi trả lương hưu, trợ cấp BHXH tháng 12 từ ngày 2 đến 25/12 tại điểm bưu điện văn hóa xã; người hưởng mang theo căn cước, nhận trực tiếp hoặc qua tài khoản đã đăng ký.",
    nd=True,
)
N(
    "pension_real",
    "UBND phường thông báo: các gia đình chính sách, người cao tuổi từ 80 tuổi trở lên nhận quà Tết tại nhà văn hóa tổ dân phố sáng Chủ nhật 18/1, khi đi mang theo căn cước.",
)
N(
    "pension_real",
    "Mẹ ơi lương hưu tháng này về tài khoản Agribank của mẹ rồi đấy, hôm nào con đưa mẹ ra rút, có ai gọi hỏi mã gì thì mẹ cứ tắt máy nhé.",
    kind="comment",
    nd=True,
)
N(
    "contest_real",
    "Nhà thiếu nhi thành phố tổ chức cuộc thi Gương mặt nhí 2026, đăng ký miễn phí tại nhà thiếu nhi từ 1/12 đến 15/12, thí sinh từ 5 đến 12 tuổi, vòng sơ khảo ngày 20/12.",
    nd=True,
)
N(
    "contest_real",
    "Lớp năng khiếu người mẫu nhí khai giảng khóa mới, học phí 1.800.000đ/khóa 12 buổi, đóng tại trung tâm khi nhập học, phụ huynh được dự giờ buổi đầu miễn phí.",
)
N(
    "contest_real",
    "Chương trình truyền hình thiếu nhi tuyển chọn diễn viên nhí qua buổi casting trực tiếp tại trường quay; ban tổ chức cho biết các bé được chọn sẽ ký hợp đồng cùng cha mẹ và nhận thù lao theo buổi quay.",
    kind="article",
)
N(
    "game_real",
    "Sự kiện nạp thẻ tháng 12: nạp qua cổng thanh toán chính thức trong game nhận thêm 20% kim cương. Nhà phát hành không hỗ trợ giao dịch qua người trung gian hay mua bán tài khoản.",
    nd=True,
)
N(
    "game_real",
    "toi nay team minh danh giai, ai ranh vao xem stream, thang thi mai khao ts ca nhom nha",
    kind="comment",
    variant="teencode",
)
N(
    "game_real",
    "Đội tuyển thể thao điện tử Việt Nam giành huy chương vàng nội dung Liên Quân Mobile, nhận thưởng 500 triệu đồng từ nhà tài trợ.",
    kind="article",
)
N(
    "group_admin_real",
    "Thông báo từ admin: nhóm Chợ Sinh Viên duyệt bài từ 8h đến 22h. Bài bán hàng ghi rõ giá và khu vực, giao dịch trực tiếp, nhóm không chịu trách nhiệm với giao dịch chuyển khoản trước.",
    nd=True,
)
N(
    "group_admin_real",
    "Fanpage chính thức của resort dùng số hotline in trên website; quý khách đặt phòng qua website hoặc tổng đài, thanh toán vào tài khoản mang tên công ty, có hóa đơn điện tử.",
)
N(
    "group_admin_real",
    "minh vua doi nick fb vi nick cu quen mk, moi nguoi ket ban lai nhe, nick cu minh xoa r",
    kind="comment",
    variant="teencode",
)
N(
    "tutor_real",
    "Mình là sinh viên sư phạm năm 3, nhận dạy kèm Toán lớp 6-9 tại nhà ở quận Đống Đa, 200k/buổi 2 tiếng, học thử buổi đầu miễn phí. Liên hệ 0985 730 264.",
    nd=True,
)
N(
    "tutor_real",
    "Trung tâm gia sư tuyển gia sư tiếng Anh lớp 3, phí nhận lớp 30% tháng đầu, đóng sau buổi dạy đầu tiên, ký hợp đồng tại văn phòng trung tâm.",
)
N(
    "account_real",
    "Ngân hàng thông báo: từ 1/1, khách hàng mở tài khoản mới phải xác thực sinh trắc học tại quầy hoặc trên ứng dụng chính thức; cho thuê, cho mượn tài khoản là hành vi bị pháp luật nghiêm cấm.",
    kind="comment",
)


SET.write(Path(__file__).with_name("scam_fresh3.jsonl"), "hs", "hn")
