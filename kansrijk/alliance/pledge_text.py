"""The published texts of the pledge. Never edit a published text: an organisation signs
an exact version. A new text is a new version (`pledge_version_publish`)."""

from __future__ import annotations

PLEDGE_V1_TITLE = "Pledge Alliantie Kinderarmoede"

PLEDGE_V1_TEXT = """\
Wij sluiten ons aan bij de Alliantie Kinderarmoede. Ons doel: in 2030 lijdt geen kind meer \
onder armoede en komen er geen nieuwe gezinnen in armoede bij.

Als partner beloven wij:

1. Signaleren. Wij zien armoede, maken het bespreekbaar en weten welke andere organisaties \
kunnen helpen.
2. Oplossen. Wij doen wat in onze macht ligt om de gevolgen van armoede binnen gezinnen op te lossen.
3. Samenwerken. Wij werken actief samen met andere partners en laten zien wat werkt.
4. Monitoren. Wij doen elk jaar mee aan de monitoring van wat wij doen en van de voortgang van de pledge.

Daarbij luisteren wij altijd naar de wensen van kinderen en hun gezinnen.

Wij beschrijven onze inzet in het format van de alliantie, zodat voor iedereen duidelijk is \
welke activiteiten wij uitvoeren.
"""
