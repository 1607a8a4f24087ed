"""``quyche fix``: apply the safe format fixes to a DOCX, never touching the words of the regulation.

One fixer per rule marked ``fix_safe`` in ``rules.yaml`` (``quyche/fix/<rule>.py``, registered by rule ID);
:func:`quyche.fix.engine.plan` checks a file and fixes it in memory, :func:`quyche.fix.engine.recheck`
checks the result, :mod:`quyche.fix.command` is the command line.
"""
