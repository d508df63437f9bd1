"""Periods: when a figure holds. The words of dates (:mod:`.words`), the period
expressions of a text (:mod:`.expressions`), which of them govern a figure's clause or
sentence (:mod:`.clauses`), and the period each figure gets (:mod:`.of_figures`)."""
