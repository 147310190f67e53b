"""Evaluations against the gold sets in ``../shared/eval/`` (run each as a module).

* ``python -m analystkit.evaluate.foundation`` — sentences, named entities, actor clustering
* ``python -m analystkit.evaluate.sourcing`` — attributions, against textacy as a peer
* ``python -m analystkit.evaluate.hedging`` — hedged sentences on the SFU review corpus
* ``python -m analystkit.evaluate.actors`` — actor clustering with pronouns
* ``python -m analystkit.evaluate.integrity`` — false alarms of the integrity flags on clean text
* ``python -m analystkit.evaluate.polnear PATH`` — attribution on PolNeAR train / dev (path given)
* ``python -m analystkit.evaluate.bioscope PATH`` — uncertain sentences on BioScope's full papers (path given)
"""
