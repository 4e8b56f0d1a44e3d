"""Training the coder's learned components on the project's own corpus.

``geopolkg.train.corpus`` reads and checks the labelled corpus in the
repository's ``corpus/`` folder; training itself runs from a checkout of the
repository (the corpus is not part of the installed package), while the
models it writes ship inside the package.
"""
