import FinnishText

/// E-mail addresses and phone numbers as the register stores them.
func normalisedEmail(_ written: String) -> String? { EmailAddress.normalized(written) }

func normalisedPhone(_ written: String) -> String? { PhoneNumber.e164(written) }
