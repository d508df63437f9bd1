"""Words of periods shared by the period readers."""

#: A month's name, only capitalised (so that "may" the verb is no month); the full stop
#: of an abbreviation ("Jan.") belongs to it, the one after a full name ends the sentence.
MONTH_PATTERN = (r"(?-i:(?:January|February|March|April|May|June|July|August|September|October"
                 r"|November|December)\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?)")
