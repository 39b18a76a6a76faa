"""Names shown for codes (statuses, roles, kinds), marked for translation."""

from __future__ import annotations

from tinhhinh.web.i18n import N_

CASE_STATUS = {
    "new": N_("New"),
    "assigned": N_("Assigned"),
    "in_progress": N_("In progress"),
    "responded": N_("Responded"),
    "closed": N_("Closed"),
    "reopened": N_("Reopened"),
    "transferred": N_("Transferred"),
    "rejected": N_("Rejected"),
}
# What the button that moves a case into each status says.
CASE_ACTION = {
    "assigned": N_("Assign"),
    "in_progress": N_("Start work"),
    "responded": N_("Respond"),
    "closed": N_("Close"),
    "reopened": N_("Reopen"),
    "transferred": N_("Transfer"),
    "rejected": N_("Reject"),
}
PETITION_STATE = {
    "received": N_("Received"),
    "not_accepted": N_("Not accepted"),
    "forwarded": N_("Forwarded"),
    "guided": N_("Guided"),
    "merged_duplicate": N_("Merged (duplicate)"),
    "accepted": N_("Accepted"),
    "extended": N_("Extended"),
    "resolved": N_("Resolved"),
    "closed": N_("Closed"),
}
PETITION_ACTION = {
    "not_accepted": N_("Do not accept"),
    "forwarded": N_("Forward"),
    "guided": N_("Guide"),
    "merged_duplicate": N_("Merge as duplicate"),
    "accepted": N_("Accept"),
    "extended": N_("Extend"),
    "resolved": N_("Resolve"),
    "closed": N_("Close"),
}
PETITION_KIND = {
    "khieu_nai": N_("Complaint"),
    "to_cao": N_("Denunciation"),
    "kien_nghi_phan_anh": N_("Recommendation / reflection"),
}
ROLE = {
    "admin": N_("Administrator"),
    "coordinator": N_("Coordinator"),
    "officer": N_("Officer"),
    "viewer": N_("Viewer"),
}
PRIORITY = {"low": N_("Low"), "normal": N_("Normal"), "high": N_("High"), "urgent": N_("Urgent")}
FLAG_TYPE = {"scam": N_("Scam"), "factcheck": N_("Fact-check match"), "toxic": N_("Toxic language")}
# What a case is linked to (desk_case_links.kind); a harm link is an item a confirmed flag was raised on.
LINK_KIND = {"story": N_("Story"), "item": N_("Item"), "harm": N_("Flagged item")}
FLAG_STATUS = {
    "unconfirmed": N_("Awaiting review"),
    "confirmed": N_("Confirmed"),
    "dismissed": N_("Dismissed"),
}
# What each scam signal means, for the reviewer (ids from data/scam_rules.yaml; an id missing here is shown as is).
SCAM_RULE = {
    "otp_request": N_("asks for an OTP, card code or password"),
    "id_photo_request": N_("asks for an ID card photo"),
    "money_request": N_("asks to transfer or pay money"),
    "bank_account": N_("bank account number"),
    "amount": N_("amount of money"),
    "prepayment": N_("pay first to receive something"),
    "wrong_transfer": N_("'sent to you by mistake'"),
    "phone_number": N_("phone number"),
    "chat_channel": N_("move to a private chat"),
    "urgency": N_("time pressure"),
    "threat": N_("threat (account lock, power cut, arrest)"),
    "secrecy": N_("asks to keep it secret"),
    "prize": N_("prize or gift"),
    "loan_offer": N_("easy loan offer"),
    "job_for_fee": N_("easy job, tasks or commission"),
    "investment": N_("guaranteed returns"),
    "impersonation": N_("claims to be a bank, utility, police or court"),
    "install_app": N_("asks to install an app or file"),
    "reassurance": N_("'not a scam', '100% trusted'"),
    "biometric_request": N_("asks to scan the face or fingerprints"),
    "update_request": N_("says ID data must be updated or confirmed"),
    "scratch_card_payment": N_("payment in phone scratch cards"),
    "payback_promise": N_("'send it now, I will pay you back tomorrow'"),
    "guaranteed_return": N_("promised daily or monthly returns"),
    "recovery_offer": N_("offers to recover money lost to a scam"),
    "donation_appeal": N_("appeal for donations"),
    "install_from_link": N_("asks to install something from a link"),
    "click_link": N_("asks to open a link"),
    "proof_of_funds": N_("asks to show or move a balance to 'prove' the money is clean"),
    "admin_takeover": N_("asks to make another account admin of a group or page"),
    "unseen_deposit": N_("deposit or fee before the room, vehicle or goods can be seen"),
    "third_party_payee": N_("asks you to pay a third party first"),
    "relative_emergency": N_("a relative in an accident or emergency care"),
    "intimate_material": N_("says it holds a recording or pictures of you"),
    "exposure_threat": N_("threatens to send something to your friends, family or colleagues"),
    "call_isolation": N_("keeps you alone on a call or in a video room"),
    "abroad_lure": N_("a place abroad as the bait (study, scholarship, work visa)"),
    "contact_excuse": N_("says why you cannot call to check (new number, lost phone)"),
    "remote_access_app": N_("asks to install a remote-control app"),
    "url_shortener": N_("shortened link"),
    "lookalike_domain": N_("look-alike domain of a bank or government site"),
    "link": N_("link"),
    "warning_words": N_("lowers the score: warning words"),
    "warning_actors": N_("lowers the score: how reports name people"),
    "warning_advice": N_("lowers the score: advice"),
    "reported_speech": N_("lowers the score: reported speech"),
    "official_channel": N_("lowers the score: official channel"),
    "news_report": N_("lowers the score: news report"),
}
# What toxic-language evidence says (``model:<label>`` from harm/toxicity.py).
TOXIC_RULE = {
    "model:offensive": N_("offensive language (model)"),
    "model:hate": N_("hateful language (model)"),
}
EVIDENCE_RULE = {**SCAM_RULE, **TOXIC_RULE}

OPEN_CASE = {"new", "assigned", "in_progress", "responded", "reopened", "transferred"}
OPEN_PETITION = {"received", "accepted", "extended", "resolved"}
