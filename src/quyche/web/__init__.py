"""The web service of quyche (Django): the superior committee's view of the organisations it guides.

The core library (``quyche.*`` outside this package) never imports Django; this package calls it
in-process. Settings come from the environment (:mod:`quyche.web.config`).
"""
