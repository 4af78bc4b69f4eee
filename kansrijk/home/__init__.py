"""A home for each role: "Mijn Kansrijk" (what needs this person's attention) and the main menu.

It sits on top of the apps it summarises (referrals, social map, alliance), so it lives in its
own top layer instead of in `core`, which every app imports."""
