"""Periods: when a figure holds. The words of dates (:mod:`.words`), the period
expressions of a text (:mod:`.expressions`), a sentence cut into clauses
(:mod:`.segments`), which period of a sentence belongs to which figure (:mod:`.clauses`),
the period each figure gets (:mod:`.of_figures`), and what the charts read from a
period's normal form: its label, months and place in time (:mod:`.normal_forms`)."""
