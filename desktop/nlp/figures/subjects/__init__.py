"""Subjects: what a figure is of. The subject of each figure (:mod:`.of_figures`), found
by a walk up its sentence's parse (:mod:`.climb`, the thing a count counts in
:mod:`.found`, what the walk asks of a token in :mod:`.tokens`, the clauses that end a
subject in :mod:`.clauses`, what the words around a figure say without the parse in
:mod:`.wording`, the word lists it climbs by in :mod:`.words`) and written
as a reader would, with its owner (:mod:`.render`); whom "it" and "the firm" stand for
(:mod:`.references`), the names an article uses (:mod:`.names`, from its headline and
opening in :mod:`.article`, with the nouns its headline gives an owner, and its body in
:mod:`.body`), and the key that groups subjects written differently (:mod:`.keys`)."""
