"""Build the fact-check evaluation set (tests/harm/data/factcheck_eval.jsonl + factcheck_registry.jsonl).

Written BEFORE the matcher's threshold was tuned. Each claim cites where the refutation was published
(found through the project's stored-pages search, VFND, or marked hand-written). For each claim the set
has hand-written paraphrases that repeat it (positives), a diacritic-free copy of one paraphrase
(generated with ``strip_diacritics``), and hard negatives: negations/reversals, same-topic different
claims, and refutation-article sentences (the fact-check itself must not match its own claim).

Run: .venv/bin/python bench/factcheck_eval_build.py
"""

from __future__ import annotations

import json
from pathlib import Path

from tinhhinh.harm.factcheck_registry import entry_id
from tinhhinh.nlp.normalize import strip_diacritics

OUT = Path(__file__).resolve().parents[1] / "tests" / "harm" / "data"

# key, claim, rating, domain, publisher, url, date, source note
CLAIMS = [
    (
        "vaccine_infertility",
        "Tiêm vắc xin COVID-19 gây vô sinh",
        "false",
        "health",
        "Tuổi Trẻ",
        "https://m.xosobinhdinh.org/covid-19-va-tin-gia-e600.htm",
        "2022-01-10",
        "pages search: TTO item on rumours that COVID-19 vaccination affects pregnancy and fertility",
    ),
    (
        "covid_radiation",
        "COVID-19 là một loại vi khuẩn bị nhiễm phóng xạ gây đông máu và làm chết người",
        "false",
        "health",
        "Bộ Y tế",
        "https://thanhphohaiphong.gov.vn/bo-y-te-bac-bo-thong-tin-sai-su-that-ve-nguon-goc-dich-benh-covid-19.html/amp",
        "2021-07-15",
        "pages search: Bộ Y tế bác bỏ (TTXVN/Vietnam+)",
    ),
    (
        "covid_antibiotics",
        "Có thể điều trị COVID-19 bằng thuốc kháng sinh, kháng viêm và chống đông máu",
        "false",
        "health",
        "Bộ Y tế",
        "https://congly.vn/print/191310.html",
        "2021-07-15",
        "pages search: same Bộ Y tế refutation (congly.vn)",
    ),
    (
        "cccd_tracking",
        "Chip gắn trên thẻ căn cước công dân có chức năng định vị, theo dõi công dân",
        "false",
        "public_service",
        "Bộ Công an",
        "https://www.vietnamplus.vn/nguoi-dung-can-cuoc-cong-dan-gan-chip-khong-lo-bi-dinh-vi-theo-doi-post701289.vnp",
        "2021-03-11",
        "pages search: Bộ Công an khẳng định chip không có chức năng định vị",
    ),
    (
        "lemon_cancer",
        "Uống nước chanh tiêu diệt tế bào ung thư mạnh hơn hóa trị 10.000 lần",
        "false",
        "health",
        "Thương hiệu và Sản phẩm",
        "https://thuonghieusanpham.vn/thuc-hu-thong-tin-nuoc-chanh-diet-ung-thu-tot-hon-hoa-tri-10000-lan-59046.html",
        None,
        "pages search: PGS.TS Phạm Cẩm Phương (Bạch Mai): no evidence",
    ),
    (
        "lemon_salt",
        "Uống chanh muối mỗi ngày giúp kiềm hóa cơ thể và chữa được ung thư, HIV",
        "false",
        "health",
        "VTC News",
        "https://amp.vtcnews.vn/ro-trao-luu-uong-chanh-muoi-chua-bach-benh-bac-si-canh-bao-tac-hai-suc-khoe-ar987095.html",
        "2025-11-19",
        "pages search: BS Dương Minh Tuấn (Bạch Mai)",
    ),
    (
        "saudel_superstorm",
        "Bão số 8 Saudel sẽ mạnh lên cấp 17 thành siêu bão và đổ bộ vào miền Trung",
        "false",
        "disaster",
        "Trung tâm Dự báo Khí tượng Thủy văn quốc gia",
        "https://video.baotintuc.vn/canh-bao-thong-tin-gia-mao-ve-con-bao-so-8-post6024.html",
        "2020-10-20",
        "pages search: TT Dự báo KTTV quốc gia: thông tin bão Saudel mạnh siêu bão là giả mạo",
    ),
    (
        "storm4_landed",
        "Áp thấp nhiệt đới, bão số 4 đã đổ bộ vào miền Trung",
        "false",
        "disaster",
        "Trung tâm Dự báo Khí tượng Thủy văn quốc gia",
        "https://1thegioi.vn/amp/canh-bao-tin-gia-bao-so-4-da-vao-mien-trung-223974.html",
        "2024-09-18",
        "pages search: cảnh báo tin giả bão số 4",
    ),
    (
        "storm12_north",
        "Siêu bão số 12 đổ bộ miền Bắc và miền Trung gây mưa bão lớn",
        "misleading",
        "disaster",
        "Báo Huế ngày nay",
        "https://huengaynay.vn/kinh-te/nong-nghiep-nong-thon/du-bao-duong-di-bao-so-12-vao-quang-tri-hue-la-khong-chinh-thong-158783.html",
        "2025-10-14",
        "pages search: dự báo không chính thống",
    ),
    (
        "hanoi_tremor",
        "Hà Nội lại bị rung chấn do động đất vào chiều 4/10",
        "false",
        "disaster",
        "Viện Vật lý địa cầu",
        "https://cpeco.org.vn/tin-trong-nuoc/ha-noi-bi-rung-chan-chieu-4-10-la-tin-khong-chinh-xac_2_17470_1.html",
        "2012-10-04",
        "pages search: Trung tâm báo tin động đất bác bỏ",
    ),
    (
        "mega_quake",
        "Sắp có siêu động đất 24 độ richter khiến 40 triệu người Mỹ và châu Á thiệt mạng",
        "false",
        "disaster",
        "Viện Vật lý địa cầu",
        "https://kienthuckhoahoc.org/moi-truong/thuc-hu-tin-quot-sap-co-sieu-dong-dat-40-trieu-nguoi-se-thiet-mang-quot-ade7",
        "2015-10-17",
        "pages search: chuyên gia Viện Vật lý Địa cầu lên tiếng",
    ),
    (
        "japan_microwave",
        "Nhật Bản cấm sử dụng lò vi sóng từ cuối năm 2019 vì độc hại",
        "false",
        "health",
        "Tuổi Trẻ",
        "https://tuoitre.vn/facebook-ran-ran-vu-nhat-ban-cam-lo-vi-song-cuoi-nam-nay-20190822135827808.htm",
        "2019-08-22",
        "VFND (GPL-3.0) VFND_Ac_Real_126 (debunk) and VFND_Ac_Fake_129 (the rumour); not copied",
    ),
    (
        "men_birth",
        "Hai người đàn ông có thể tự sinh con với nhau mà không cần phụ nữ",
        "false",
        "health",
        "VFND curators",
        "https://github.com/VFND/VFND-vietnamese-fake-news-datasets",
        "2019-01-01",
        "VFND (GPL-3.0) VFND_Ac_Fake_115..117, curators' reason: false premise",
    ),
    (
        "hcm_lockdown",
        "TP.HCM sẽ đóng cửa toàn thành phố từ 0h ngày 15/7",
        "false",
        "public_service",
        "Báo Thời báo Văn hóa Nghệ thuật",
        "https://tv.thoibaovhnt.com.vn/tag/thong-tin-sai-su-that.html",
        "2021-07-14",
        "pages search: TP.HCM bác bỏ tin đồn đóng cửa toàn thành phố",
    ),
    (
        "microwave_cancer",
        "Thức ăn hâm nóng bằng lò vi sóng gây ung thư",
        "unproven",
        "health",
        "Phụ nữ Online",
        "https://phunuonline.com.vn/thuc-hu-nhung-truyen-thuyet-thoi-dai-ve-ung-thu-a87977.html",
        "2018-05-01",
        "pages search: 'giả thuyết chưa được chứng minh' — rated unproven, so NEVER matched",
    ),
    (
        "garlic_steam",
        "Xông hơi bằng tỏi và sả giúp diệt virus corona trong cơ thể",
        "false",
        "health",
        "hand-written",
        "https://example.invalid/hand-written",
        None,
        "hand-written (common 2020 rumour)",
    ),
    (
        "salt_water_covid",
        "Súc miệng bằng nước muối ấm có thể phòng được COVID-19",
        "misleading",
        "health",
        "hand-written",
        "https://example.invalid/hand-written",
        None,
        "hand-written",
    ),
    (
        "phone_brain",
        "Để điện thoại cạnh gối khi ngủ gây ung thư não",
        "false",
        "health",
        "hand-written",
        "https://example.invalid/hand-written",
        None,
        "hand-written",
    ),
    (
        "plastic_rice",
        "Gạo nhựa Trung Quốc đang được bán tràn lan ở các chợ Việt Nam",
        "false",
        "scam",
        "hand-written",
        "https://example.invalid/hand-written",
        None,
        "hand-written",
    ),
    (
        "fake_eggs",
        "Trứng gà giả làm từ hóa chất đang được bán ở các chợ",
        "false",
        "scam",
        "hand-written",
        "https://example.invalid/hand-written",
        None,
        "hand-written",
    ),
    (
        "vneid_fee",
        "Người dân phải nộp phí 50.000 đồng để kích hoạt tài khoản định danh điện tử mức 2",
        "false",
        "public_service",
        "hand-written",
        "https://example.invalid/hand-written",
        None,
        "hand-written",
    ),
    (
        "cccd_fine",
        "Từ ngày 1/7 người chưa đổi căn cước công dân sang thẻ căn cước mới sẽ bị phạt tiền",
        "false",
        "public_service",
        "hand-written",
        "https://example.invalid/hand-written",
        None,
        "hand-written",
    ),
    (
        "hoa_binh_dam",
        "Đập thủy điện Hòa Bình sắp bị vỡ do mưa lũ",
        "false",
        "disaster",
        "hand-written",
        "https://example.invalid/hand-written",
        None,
        "hand-written",
    ),
    (
        "acid_rain",
        "Mưa axit sẽ đổ xuống Hà Nội trong tuần này, người dân không nên ra đường",
        "false",
        "disaster",
        "hand-written",
        "https://example.invalid/hand-written",
        None,
        "hand-written",
    ),
]

# key -> (positives, negations/reversals, same topic different claim, refutation-article sentences)
ROWS: dict[str, tuple[list[str], list[str], list[str], list[str]]] = {
    "vaccine_infertility": (
        [
            "Cảnh báo: tiêm vắc xin COVID-19 gây vô sinh ở cả nam và nữ, ai chưa tiêm thì đừng tiêm!",
            "Chị em đừng đi tiêm, vắc-xin Covid 19 gây vô sinh đấy.",
        ],
        [
            "Vắc xin COVID-19 không gây vô sinh.",
            "Tiêm vắc xin COVID-19 chẳng hề gây vô sinh như nhiều người lo.",
        ],
        ["Tiêm vắc xin COVID-19 có thể gây sốt nhẹ và đau tại chỗ tiêm trong một hai ngày."],
        ["Thông tin cho rằng tiêm vắc xin COVID-19 gây vô sinh là sai sự thật."],
    ),
    "covid_radiation": (
        [
            "Nghiên cứu của Singapore: COVID-19 là vi khuẩn bị nhiễm phóng xạ, gây đông máu và làm chết người.",
            "Covid 19 thực chất là một loại vi khuẩn nhiễm phóng xạ làm đông máu gây chết người.",
        ],
        ["COVID-19 không phải là vi khuẩn bị nhiễm phóng xạ gây đông máu."],
        ["COVID-19 do virus SARS-CoV-2 gây ra và lây qua giọt bắn đường hô hấp."],
        ["Bộ Y tế bác bỏ tin đồn COVID-19 là vi khuẩn bị nhiễm phóng xạ gây đông máu và làm chết người."],
    ),
    "covid_antibiotics": (
        [
            "Có thể điều trị COVID-19 tại nhà bằng thuốc kháng sinh, kháng viêm và chống đông máu.",
            "Bị Covid chỉ cần uống kháng sinh, kháng viêm và thuốc chống đông máu là điều trị khỏi.",
        ],
        ["Không thể điều trị COVID-19 bằng thuốc kháng sinh, kháng viêm và chống đông máu."],
        ["Bác sĩ chỉ kê thuốc kháng sinh khi người bệnh COVID-19 bị bội nhiễm vi khuẩn."],
        [
            "Tin nhắn khẳng định có thể điều trị COVID-19 bằng thuốc kháng sinh, kháng viêm và chống đông máu là thông tin sai sự thật."
        ],
    ),
    "cccd_tracking": (
        [
            "Con chip gắn trên thẻ căn cước công dân có chức năng định vị và theo dõi mọi công dân.",
            "Làm CCCD gắn chip là bị định vị, theo dõi công dân 24/24 đó mọi người.",
        ],
        ["Chip gắn trên thẻ căn cước công dân không có chức năng định vị, theo dõi công dân."],
        ["Chip trên thẻ căn cước công dân lưu thông tin để công dân làm thủ tục hành chính thuận tiện hơn."],
        [
            "Nhiều nguồn tin lan truyền trên mạng xã hội rằng chip trên căn cước công dân có chức năng định vị, theo dõi; thông tin này hoàn toàn không chính xác."
        ],
    ),
    "lemon_cancer": (
        [
            "Uống nước chanh mỗi ngày tiêu diệt tế bào ung thư, mạnh hơn hóa trị 10.000 lần!",
            "Nước chanh diệt tế bào ung thư mạnh gấp 10000 lần hóa trị, hãy chia sẻ cho người thân.",
        ],
        ["Nước chanh không tiêu diệt được tế bào ung thư, càng không mạnh hơn hóa trị."],
        ["Uống nước chanh lúc đói có thể gây hại dạ dày và mòn men răng."],
        ["Thực hư thông tin nước chanh tiêu diệt tế bào ung thư mạnh hơn hóa trị 10.000 lần."],
    ),
    "lemon_salt": (
        [
            "Uống chanh muối mỗi ngày giúp kiềm hóa cơ thể, chữa được cả ung thư và HIV.",
            "Chanh muối kiềm hóa cơ thể, uống đều đặn chữa được ung thư, HIV.",
        ],
        ["Chanh muối không kiềm hóa được cơ thể và không chữa được ung thư hay HIV."],
        ["Chanh muối là món giải khát quen thuộc của người Việt vào mùa hè."],
        ["Bác sĩ khẳng định quan niệm uống chanh muối kiềm hóa cơ thể, chữa ung thư và HIV là sai lầm."],
    ),
    "saudel_superstorm": (
        [
            "Bão số 8 Saudel sẽ mạnh lên cấp 17, thành siêu bão đổ bộ vào miền Trung.",
            "Khẩn: bão Saudel (bão số 8) mạnh lên siêu bão cấp 17, sắp đổ bộ miền Trung.",
        ],
        ["Bão số 8 Saudel sẽ không mạnh lên thành siêu bão cấp 17."],
        ["Bão số 8 Saudel gây mưa lớn ở khu vực Bắc và Trung Trung Bộ."],
        [
            "Tất cả các thông tin nhận định bão số 8 Saudel mạnh lên cấp 17 thành siêu bão là không có cơ sở và giả mạo."
        ],
    ),
    "storm4_landed": (
        [
            "Áp thấp nhiệt đới, bão số 4 đã đổ bộ vào miền Trung từ chiều nay.",
            "Bão số 4 đã vào miền Trung rồi, bà con yên tâm vì bão đã qua.",
        ],
        ["Áp thấp nhiệt đới, bão số 4 chưa hề đổ bộ vào miền Trung."],
        ["Áp thấp nhiệt đới có thể mạnh lên thành bão số 4 trong 24 giờ tới."],
        [
            "Trung tâm Dự báo Khí tượng Thủy văn quốc gia cảnh báo tin giả về áp thấp nhiệt đới, bão số 4 đã đổ bộ vào miền Trung."
        ],
    ),
    "storm12_north": (
        [
            "Khẩn cấp: siêu bão số 12 đổ bộ miền Bắc và miền Trung, gây mưa bão lớn.",
            "Siêu bão số 12 sắp đổ bộ cả miền Bắc lẫn miền Trung, mưa bão cực lớn.",
        ],
        ["Bão số 12 không đổ bộ vào miền Bắc và miền Trung."],
        ["Bão số 12 suy yếu thành áp thấp nhiệt đới trên Biển Đông."],
        ["Dự báo siêu bão số 12 đổ bộ miền Bắc và miền Trung là thông tin không chính thống."],
    ),
    "hanoi_tremor": (
        [
            "Hà Nội lại bị rung chấn do động đất vào chiều 4/10, nhiều tòa nhà rung lắc.",
            "Chiều 4/10 Hà Nội lại rung chấn vì động đất, dân văn phòng hoảng hốt.",
        ],
        ["Hà Nội không bị rung chấn do động đất vào chiều 4/10."],
        ["Trận động đất 4,4 độ richter ở Hải Phòng khiến nhà cao tầng Hà Nội rung nhẹ."],
        ["Trung tâm báo tin động đất bác bỏ thông tin Hà Nội lại bị rung chấn chiều 4/10."],
    ),
    "mega_quake": (
        [
            "Sắp có siêu động đất 24 độ richter, 40 triệu người Mỹ và châu Á sẽ thiệt mạng.",
            "Siêu động đất 24 độ richter sắp xảy ra, khiến 40 triệu người ở Mỹ và châu Á chết.",
        ],
        ["Sẽ không có siêu động đất 24 độ richter nào khiến 40 triệu người Mỹ và châu Á thiệt mạng."],
        ["Động đất 7,6 độ richter ở Philippines không gây rủi ro sóng thần cho Việt Nam."],
        [
            "Chuyên gia Viện Vật lý địa cầu lên tiếng về tin đồn sắp có siêu động đất 24 độ richter khiến 40 triệu người thiệt mạng."
        ],
    ),
    "japan_microwave": (
        [
            "Nhật Bản cấm sử dụng lò vi sóng từ cuối năm 2019 vì độc hại.",
            "Từ cuối năm 2019 Nhật Bản cấm dùng lò vi sóng vì quá độc hại, ai dùng bị phạt tù.",
        ],
        ["Nhật Bản không cấm sử dụng lò vi sóng."],
        ["Lò vi sóng được bán rộng rãi ở các siêu thị điện máy Nhật Bản."],
        ["Thực hư thông tin Nhật Bản cấm lò vi sóng từ cuối năm 2019 vì độc hại."],
    ),
    "men_birth": (
        [
            "Hai người đàn ông có thể tự sinh con với nhau mà không cần phụ nữ.",
            "Khoa học chứng minh đàn ông có thể tự sinh con với nhau, không cần phụ nữ.",
        ],
        ["Hai người đàn ông không thể tự sinh con với nhau mà không cần phụ nữ."],
        ["Nhiều cặp vợ chồng hiếm muộn đã sinh con nhờ thụ tinh trong ống nghiệm."],
        ["Thông tin đàn ông có thể tự sinh con với nhau là tin giả."],
    ),
    "hcm_lockdown": (
        [
            "TP.HCM sẽ đóng cửa toàn thành phố từ 0h ngày 15/7, mọi người đi mua đồ tích trữ ngay.",
            "Tin nóng: từ 0 giờ ngày 15/7 TP.HCM đóng cửa toàn thành phố.",
        ],
        ["TP.HCM không đóng cửa toàn thành phố từ 0h ngày 15/7."],
        ["TP.HCM tiếp tục giãn cách xã hội theo Chỉ thị 16 tại một số quận."],
        ["Ban Tuyên giáo Thành ủy TP.HCM bác bỏ tin đồn đóng cửa toàn thành phố từ 0h ngày 15/7."],
    ),
    "microwave_cancer": (
        [],
        [],
        [
            "Thức ăn hâm nóng bằng lò vi sóng gây ung thư, đừng dùng nữa.",
            "Hâm nóng thức ăn bằng lò vi sóng gây ung thư cho cả nhà.",
        ],
        [],
    ),
    "garlic_steam": (
        [
            "Xông hơi bằng tỏi và sả giúp diệt virus corona trong cơ thể.",
            "Mẹo hay: xông tỏi, sả mỗi tối để diệt sạch virus corona trong người.",
        ],
        ["Xông hơi bằng tỏi và sả không diệt được virus corona trong cơ thể."],
        ["Tỏi và sả là gia vị quen thuộc trong bữa ăn của người Việt."],
        ["Các bác sĩ khẳng định xông hơi bằng tỏi và sả diệt virus corona là tin đồn vô căn cứ."],
    ),
    "salt_water_covid": (
        [
            "Súc miệng bằng nước muối ấm mỗi ngày có thể phòng được COVID-19.",
            "Chỉ cần súc miệng nước muối ấm là phòng được Covid-19, khỏi lo.",
        ],
        ["Súc miệng bằng nước muối ấm không phòng được COVID-19."],
        ["Súc miệng bằng nước muối giúp làm sạch khoang miệng sau bữa ăn."],
        ["Việc súc miệng bằng nước muối ấm có thể phòng được COVID-19 là hiểu lầm phổ biến."],
    ),
    "phone_brain": (
        [
            "Để điện thoại cạnh gối khi ngủ gây ung thư não, cảnh báo cho cả nhà.",
            "Ngủ để điện thoại sát gối sẽ bị ung thư não.",
        ],
        ["Để điện thoại cạnh gối khi ngủ không gây ung thư não."],
        ["Dùng điện thoại trước khi ngủ khiến giấc ngủ đến chậm hơn."],
        ["Chuyên gia bác bỏ tin đồn để điện thoại cạnh gối khi ngủ gây ung thư não."],
    ),
    "plastic_rice": (
        [
            "Gạo nhựa Trung Quốc đang được bán tràn lan ở các chợ Việt Nam.",
            "Cảnh giác: gạo nhựa từ Trung Quốc bán tràn lan ngoài chợ Việt Nam.",
        ],
        ["Không có gạo nhựa Trung Quốc bán ở các chợ Việt Nam."],
        ["Giá gạo xuất khẩu của Việt Nam tăng mạnh trong tháng này."],
        [
            "Cơ quan chức năng khẳng định thông tin gạo nhựa Trung Quốc bán tràn lan ở chợ Việt Nam là thất thiệt."
        ],
    ),
    "fake_eggs": (
        [
            "Trứng gà giả làm từ hóa chất đang được bán ở các chợ.",
            "Ngoài chợ đang bán trứng gà giả làm bằng hóa chất, mọi người cẩn thận.",
        ],
        ["Không có trứng gà giả làm từ hóa chất được bán ở các chợ."],
        ["Giá trứng gà ở các chợ tăng nhẹ dịp cuối năm."],
        ["Tin đồn trứng gà giả làm từ hóa chất bán ở chợ là sai sự thật."],
    ),
    "vneid_fee": (
        [
            "Người dân phải nộp phí 50.000 đồng để kích hoạt tài khoản định danh điện tử mức 2.",
            "Kích hoạt định danh điện tử mức 2 mất phí 50.000 đồng mỗi người.",
        ],
        ["Người dân không phải nộp phí để kích hoạt tài khoản định danh điện tử mức 2."],
        ["Người dân có thể đăng ký tài khoản định danh điện tử mức 2 tại công an cấp xã."],
        [
            "Công an khẳng định thông tin phải nộp phí 50.000 đồng để kích hoạt định danh điện tử mức 2 là bịa đặt."
        ],
    ),
    "cccd_fine": (
        [
            "Từ ngày 1/7 người chưa đổi căn cước công dân sang thẻ căn cước mới sẽ bị phạt tiền.",
            "Ai chưa đổi CCCD sang thẻ căn cước mới từ 1/7 sẽ bị phạt tiền.",
        ],
        ["Từ ngày 1/7 người chưa đổi căn cước công dân sang thẻ căn cước mới sẽ không bị phạt tiền."],
        ["Thẻ căn cước công dân còn hạn vẫn được sử dụng đến hết thời hạn in trên thẻ."],
        [
            "Thông tin từ ngày 1/7 người chưa đổi căn cước công dân sang thẻ căn cước sẽ bị phạt là không đúng sự thật."
        ],
    ),
    "hoa_binh_dam": (
        [
            "Đập thủy điện Hòa Bình sắp bị vỡ do mưa lũ, người dân hạ du sơ tán gấp.",
            "Mưa lũ lớn, đập thủy điện Hòa Bình sắp vỡ rồi.",
        ],
        ["Đập thủy điện Hòa Bình không có nguy cơ bị vỡ do mưa lũ."],
        ["Thủy điện Hòa Bình mở thêm cửa xả đáy để điều tiết lũ."],
        ["Tin đồn đập thủy điện Hòa Bình sắp bị vỡ do mưa lũ là thông tin thất thiệt."],
    ),
    "acid_rain": (
        [
            "Mưa axit sẽ đổ xuống Hà Nội trong tuần này, người dân không nên ra đường.",
            "Tuần này Hà Nội có mưa axit, mọi người không nên ra đường.",
        ],
        [],
        ["Hà Nội có mưa rào và dông rải rác trong tuần này."],
        [
            "Trung tâm Dự báo Khí tượng Thủy văn quốc gia bác bỏ thông tin mưa axit sẽ đổ xuống Hà Nội trong tuần này."
        ],
    ),
}

# Unrelated news sentences (hand-written) — must match nothing.
UNRELATED = [
    "UBND tỉnh tổ chức hội nghị tổng kết công tác cải cách hành chính năm 2025.",
    "Đội tuyển bóng đá Việt Nam thắng 2-0 trong trận giao hữu tối qua.",
    "Giá xăng dầu giảm nhẹ từ 15 giờ chiều nay theo điều hành của liên Bộ.",
    "Sở Giáo dục công bố lịch thi tuyển sinh lớp 10 năm học mới.",
    "Bệnh viện tỉnh tiếp nhận thêm máy chụp cộng hưởng từ hiện đại.",
    "Nông dân thu hoạch lúa đông xuân đạt năng suất cao.",
    "Chợ hoa Tết mở cửa từ ngày 20 tháng Chạp.",
    "Ngân hàng cảnh báo thủ đoạn giả danh nhân viên để lừa khách hàng chuyển tiền.",
]


def main() -> None:
    registry = []
    ids = {}
    for key, claim, rating, domain, publisher, url, date, note in CLAIMS:
        eid = entry_id(claim, publisher)
        ids[key] = eid
        registry.append(
            {
                "id": eid,
                "claim": claim,
                "verdict": rating,
                "rating": rating,
                "domain": domain,
                "url": url,
                "publisher": publisher,
                "date": date,
                "status": "approved",
                "approved_by": "eval",
                "source_note": note,
            }
        )
    rows = []
    n = 0

    def add(text: str, expected: str | None, kind: str, key: str, source: str) -> None:
        nonlocal n
        n += 1
        rows.append(
            {
                "id": f"e{n:03d}",
                "text": text,
                "expected": expected,
                "kind": kind,
                "topic": key,
                "source": source,
            }
        )

    notes = {c[0]: c[7] for c in CLAIMS}
    for key, (pos, neg, topic, refute) in ROWS.items():
        src = f"claim {key}: {notes[key]}; sentence hand-written"
        for t in pos:
            add(t, ids[key], "paraphrase", key, src)
        if pos:
            add(
                strip_diacritics(pos[1]),
                ids[key],
                "no_diacritics",
                key,
                src + "; diacritics stripped by script",
            )
        for t in neg:
            add(t, None, "negation", key, src)
        if neg:
            add(strip_diacritics(neg[0]), None, "negation_no_diacritics", key, src + "; diacritics stripped")
        for t in topic:
            add(t, None, "same_topic", key, src)
        for t in refute:
            add(t, None, "refutation", key, src)
    for t in UNRELATED:
        add(t, None, "unrelated", "-", "hand-written")
    OUT.mkdir(parents=True, exist_ok=True)
    with (OUT / "factcheck_registry.jsonl").open("w", encoding="utf-8") as f:
        for e in registry:
            f.write(json.dumps(e, ensure_ascii=False) + "\n")
    with (OUT / "factcheck_eval.jsonl").open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    kinds: dict[str, int] = {}
    for r in rows:
        kinds[r["kind"]] = kinds.get(r["kind"], 0) + 1
    print(f"{len(registry)} registry entries, {len(rows)} eval rows: {kinds}")


if __name__ == "__main__":
    main()
