"""Evaluations against the gold sets in ``../shared/eval/`` (run each as a module).

* ``python -m analystkit.evaluate.foundation`` — sentences, named entities, actor clustering
* ``python -m analystkit.evaluate.sourcing`` — attributions, against textacy as a peer
* ``python -m analystkit.evaluate.hedging`` — hedged sentences on the SFU review corpus
"""
