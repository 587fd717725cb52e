"""Event detection and typing, one sentence at a time: PLOVER type and the ACLED crosswalk.

Every sentence here was written for this test; the expected coding is what ACLED's
codebook gives for it (riots are crowds using violence, protests are crowds that do
not, battles need two armed sides). ``None`` means the sentence reports no event.
"""

from __future__ import annotations

import pytest

import eventscope as es

PUBLISHED = "2024-05-20"

# sentence, (PLOVER type, ACLED event type, ACLED sub-event type) of its one event, or None
CASES: list[tuple[str, tuple[str, str, str] | None]] = [
    # Crowds that fight are riots, whoever they fight
    ("Demonstrators clashed with police in Eldoret, with officers lobbing tear gas canisters at them.",
     ("ASSAULT", "Riots", "Violent demonstration")),
    ("Police engaged in running battles with opposition protesters in Kisumu on Sunday.",
     ("ASSAULT", "Riots", "Violent demonstration")),
    ("Supporters of two council candidates clashed in Narsingdi on Sunday.",
     ("ASSAULT", "Riots", "Mob violence")),
    # a party's activists fighting the police are demonstrators turned violent, whichever is named first
    ("Opposition party activists clashed with police in Rajshahi city on Sunday.",
     ("ASSAULT", "Riots", "Violent demonstration")),
    ("Police clashed with ruling party activists in Bogura town on Sunday.",
     ("ASSAULT", "Riots", "Violent demonstration")),
    # ... but violence at a demonstration is the demonstration turned violent
    ("Supporters of the ruling party clashed with police in Jessore town during a countrywide hartal.",
     ("PROTEST", "Riots", "Violent demonstration")),
    ("Pickets set fire to two lorries in Bogura amid the transport strike on Tuesday.",
     ("PROTEST", "Riots", "Violent demonstration")),
    ("Members of two student unions staged a demonstration and clashed with each other in Sylhet city.",
     ("PROTEST", "Riots", "Violent demonstration")),
    ("Supporters of the opposition set fire to a bus in Bogura town ahead of the nationwide blockade.",
     ("PROTEST", "Riots", "Violent demonstration")),
    ("Supporters of the opposition set fire to a bus in Bogura town on Sunday night.",
     ("ASSAULT", "Riots", "Mob violence")),
    ("Students protested violently in Eldoret over fees.", ("PROTEST", "Riots", "Violent demonstration")),
    # ... and so is violence by a crowd told as demonstrating
    ("Protesting traders threw stones at police in Kisumu.", ("PROTEST", "Riots", "Violent demonstration")),
    ("Police fired tear gas and the marchers responded by throwing stones in Kibera.",
     ("PROTEST", "Riots", "Violent demonstration")),
    # a celebration or an air strike is no demonstration
    ("A mob torched the office of a former mayor in Jhenaidah during a victory procession on Monday.",
     ("ASSAULT", "Riots", "Mob violence")),
    # "riot police" are the force sent against a crowd, not a riot
    ("Riot police fired tear gas to break up a march by teachers in Nakuru on Monday.",
     ("PROTEST", "Protests", "Protest with intervention")),
    # ... while a crowd barricading a road is a violent demonstration (ACLED)
    ("Traders barricaded the Kisumu-Busia highway on Tuesday to protest against new market fees.",
     ("PROTEST", "Riots", "Violent demonstration")),
    # riots told as such
    ("Rioting broke out in Mathare after the death of a hawker in police custody.",
     ("PROTEST", "Riots", "Violent demonstration")),
    ("Students went on the rampage in Nyeri, stoning vehicles and looting shops.",
     ("PROTEST", "Riots", "Violent demonstration")),
    # a crowd's bonfires told in the next sentence make the protest a riot
    (("Residents of Nyansiongo protested on Monday against the killing of two boda boda riders. "
      "The crowd lit bonfires along the road to Keroka until police arrived."),
     ("PROTEST", "Riots", "Violent demonstration")),
    ("Villagers lynched a suspected cattle thief in Kapsowar on Saturday.",
     ("ASSAULT", "Riots", "Mob violence")),
    ("Residents burned tyres and barricaded the highway in Kati on Monday.",
     ("PROTEST", "Riots", "Violent demonstration")),
    ("The march in Kisii turned violent on Monday afternoon.",
     ("PROTEST", "Riots", "Violent demonstration")),
    # Crowds that do not fight are protests
    ("Farmers held a non-violent march in Kitale on Monday.", ("PROTEST", "Protests", "Peaceful protest")),
    ("Protesters gathered outside the county offices in Embu on Monday.",
     ("PROTEST", "Protests", "Peaceful protest")),
    ("Protest in Garsen over the new county levies.",
     ("PROTEST", "Protests", "Peaceful protest")),
    ("Boda boda riders blocked the avenue to protest the killing of a colleague.",
     ("PROTEST", "Protests", "Peaceful protest")),
    ("Nurses went on strike in Kakamega on Monday over unpaid salaries.",
     ("PROTEST", "Protests", "Peaceful protest")),
    ("Police fired tear gas to disperse the crowd in Kisumu on Monday.",
     ("PROTEST", "Protests", "Protest with intervention")),
    ("Police fired tear gas at protesters on Moi Avenue in Nairobi on Tuesday.",
     ("PROTEST", "Protests", "Protest with intervention")),
    ("Police lobbed teargas canisters at the crowd in Kisumu on Monday.",
     ("PROTEST", "Protests", "Protest with intervention")),
    ("Police fired tear gas in Kisumu on Monday.", None),
    ("M23 rebels and Congolese troops clashed on the outskirts of Goma on Monday.",
     ("ASSAULT", "Battles", "Armed clash")),
    ("Police beat protesters outside parliament in Nairobi on Tuesday.",
     ("PROTEST", "Protests", "Protest with intervention")),
    ("Teachers took to the streets of Kisumu on Monday, accusing the governor of theft.",
     ("PROTEST", "Protests", "Peaceful protest")),
    ("Traders staged a protest in Kitale on Monday, demanding lower market fees.",
     ("PROTEST", "Protests", "Peaceful protest")),
    # What a crowd protests against is not what it did
    ("Market women formed a human chain in Kumasi on Monday against the recent killings of traders.",
     ("PROTEST", "Protests", "Peaceful protest")),
    ("Students marched in Tamale on Friday, condemning the assault on a lecturer.",
     ("PROTEST", "Protests", "Peaceful protest")),
    ("Residents of Ho rallied on Saturday amid anger at a violent attack on a nurse.",
     ("PROTEST", "Protests", "Peaceful protest")),
    ("Farmers protested outside the district office in Ho on Monday after floods destroyed their crops.",
     ("PROTEST", "Protests", "Peaceful protest")),
    ("Hundreds of party members rallied in Sylhet against the prior assault on their leader.",
     ("PROTEST", "Protests", "Peaceful protest")),
    # a crowd that burns cars makes a riot even when police fire at it, unless it kills
    (("Garment workers protested in Gazipur on Monday and set fire to buses; police fired sound "
     "grenades to disperse them."), ("PROTEST", "Riots", "Violent demonstration")),
    ("Party youths attacked the marchers in Tamale on Friday.",
     ("PROTEST", "Protests", "Protest with intervention")),
    # Violence by people who are no armed organisation: mob violence
    ("A shop owner and his nephews assaulted two customers in Kumasi on Monday.",
     ("ASSAULT", "Riots", "Mob violence")),
    ("Unknown assailants assaulted a bus conductor in Tema on Sunday.",
     ("ASSAULT", "Riots", "Mob violence")),
    ("Two groups of rival transport owners clashed in Techiman on Tuesday.",
     ("ASSAULT", "Riots", "Mob violence")),
    ("SLA and JEM units clashed near the market in El Fasher on Sunday.", ("ASSAULT", "Battles", "Armed clash")),
    ("Two groups of youths clashed with machetes and guns in Bawku on Monday.", ("ASSAULT", "Battles", "Armed clash")),
    ("Kokomba tribesmen clashed with Konkomba herders near Bimbilla on Monday.",
     ("ASSAULT", "Battles", "Armed clash")),
    ("Unidentified people vandalized a shrine in Tamale on Sunday.", ("ASSAULT", "Riots", "Mob violence")),
    ("Pupils of a boarding school in Nyeri went on strike on Monday, destroying dormitory windows.",
     ("PROTEST", "Riots", "Violent demonstration")),
    # a riot told twice, as a march and as its crowd's violence, is one violent protest
    ("Students marched in Wa and hurled stones at police.", ("PROTEST", "Riots", "Violent demonstration")),
    ("Hundreds of farmers joined a rally in Wa on Monday demanding new roads.",
     ("PROTEST", "Protests", "Peaceful protest")),
    ("Angry youths roughed up a reporter in Bondo on Monday.", ("ASSAULT", "Riots", "Mob violence")),
    ("Gunmen assassinated a chief in Bawku on Monday.", ("ASSAULT", "Violence against civilians", "Attack")),
    ("Thousands of traders staged a procession in Sylhet on Friday against price rises.",
     ("PROTEST", "Protests", "Peaceful protest")),
    # Sexual violence, whatever word carries it
    ("Soldiers raped two women in a village near Kalehe on Friday.",
     ("ASSAULT", "Violence against civilians", "Sexual violence")),
    ("A girl was sexually assaulted by militiamen near Djugu on Sunday.",
     ("ASSAULT", "Violence against civilians", "Sexual violence")),
    # "Gunmen" opening a sentence, which the model tags as a place
    ("Gunmen kidnapped six farm workers near Zaria on Monday.",
     ("ASSAULT", "Violence against civilians", "Abduction/forced disappearance")),
    # Armed sides: battles; an armed side against the unarmed: violence against civilians
    ("Soldiers clashed with al-Shabaab fighters near Dhobley on Monday.",
     ("ASSAULT", "Battles", "Armed clash")),
    ("Soldiers shot dead a shepherd near the Omar Gas Field on Monday.",
     ("ASSAULT", "Violence against civilians", "Attack")),
    ("Gunmen shot dead a fisherman near Kiunga on Monday.",
     ("ASSAULT", "Violence against civilians", "Attack")),
    ("A drone strike killed two fighters near Jilib on Monday.",
     ("ASSAULT", "Explosions/Remote violence", "Air/drone strike")),
    # an attack on a force's post is on the force: ACLED codes it as a battle
    ("Attack on a police post in Mandera.", ("ASSAULT", "Battles", "Armed clash")),
    ("Suspected bandits attacked a police patrol vehicle near Kapedo.", ("ASSAULT", "Battles", "Armed clash")),
    ("Gunmen raided an army camp near Lamu on Monday.", ("ASSAULT", "Battles", "Armed clash")),
    ("Youths threw stones at a police station in Kondele on Monday.",
     ("ASSAULT", "Riots", "Mob violence")),
    ("Supporters of the two parties fought one another in Kigamba during a campaign meeting.",
     ("ASSAULT", "Riots", "Mob violence")),
    ("Unknown assailants injured a trader in Kisumu on Monday.",
     ("ASSAULT", "Violence against civilians", "Attack")),
    ("A bomb blast injured three soldiers near Mandera on Monday.",
     ("ASSAULT", "Explosions/Remote violence", "Remote explosive/landmine/IED")),
    ("Militants threw a grenade at a police post in Garissa on Monday.",
     ("ASSAULT", "Explosions/Remote violence", "Grenade")),
    ("Militia fighters and police were engaged in a shoot-out in Liboi on Sunday.",
     ("ASSAULT", "Battles", "Armed clash")),
    ("Clan clash leaves one dead near Wajir.", ("ASSAULT", "Battles", "Armed clash")),
    ("Clashes were reported between two militia factions near Walikale on Friday.",
     ("ASSAULT", "Battles", "Armed clash")),
    ("The army engaged al-Shabaab fighters at Kolbio on Monday.", ("ASSAULT", "Battles", "Armed clash")),
    ("A gang exchanged fire with a police patrol in Campinas on Tuesday.",
     ("ASSAULT", "Battles", "Armed clash")),
    ("Separatist forces fired small arms at government positions near Avdiivka on Monday.",
     ("ASSAULT", "Battles", "Armed clash")),
    ("Troops repelled an attack by rebels near Beni on Monday.", ("ASSAULT", "Battles", "Armed clash")),
    ("Soldiers thwarted an attack by militants on a checkpoint near Mora.", ("ASSAULT", "Battles", "Armed clash")),
    ("Separatist forces fired heavy machine guns at government positions near Avdiivka on Monday.",
     ("ASSAULT", "Battles", "Armed clash")),
    ("A gang ambushed three police agents outside Escuintla on Monday.", ("ASSAULT", "Battles", "Armed clash")),
    ("Gunmen shot dead a member of the 12th Brigade in Tal Afar on Friday.", ("ASSAULT", "Battles", "Armed clash")),
    # a setting that says how the killing happened
    ("Two police officers were killed in a shootout with bandits in Tot on Sunday.",
     ("ASSAULT", "Battles", "Armed clash")),
    ("Rebel forces exchanged artillery fire with the army near Marib on Monday.",
     ("ASSAULT", "Battles", "Armed clash")),
    ("Unidentified men opened fire on a minibus near Kismayo on Monday.",
     ("ASSAULT", "Violence against civilians", "Attack")),
    ("A military operation near Kolbio left four militants dead.",
     ("ASSAULT", "Battles", "Armed clash")),
    # What ceasefire monitors count: shelling, or an exchange of fire
    ("On 9 May 2024, the monitoring mission recorded a total of 14 explosions near Shyrokyne.",
     ("ASSAULT", "Explosions/Remote violence", "Shelling/artillery/missile attack")),
    ("Observers recorded 30 projectiles flying in both directions over the line near Zaitseve on 9 May 2024.",
     ("ASSAULT", "Battles", "Armed clash")),
    ("On 9 May 2024, monitors heard 25 shots of small-arms fire near Pisky.", ("ASSAULT", "Battles", "Armed clash")),
    ("Shoot-outs took place in two favelas of Niteroi on 2 June 2024, residents said.",
     ("ASSAULT", "Battles", "Armed clash")),
    ("The photographer observed the march from a balcony.", None),
    ("The striker took a shot at goal in the final minute.", None),
    ("Residents of Tarhuna said on 3 May 2024 that an unknown party had opened heavy mortar fire on the town.",
     ("ASSAULT", "Explosions/Remote violence", "Shelling/artillery/missile attack")),
    ("Mortar and artillery shelling was recorded by observers on farms near Kafr Nabl on 30 April 2024.",
     ("ASSAULT", "Explosions/Remote violence", "Shelling/artillery/missile attack")),
    ("Insurgents launched an RPG at an army checkpoint outside Hit on Monday.",
     ("ASSAULT", "Explosions/Remote violence", "Shelling/artillery/missile attack")),
    ("Firefighters reported a fire in a warehouse in Nairobi on Monday.", None),
    ("Tea farmers boycotted deliveries to the factory in Kirinyaga on Monday.",
     ("PROTEST", "Protests", "Peaceful protest")),
    ("3 March. Traders of Molo Town protest over new stall charges.",
     ("PROTEST", "Protests", "Peaceful protest")),
    # Present-tense headlines the parser reads as one noun phrase
    ("Bandits attack villagers in Baragoi", ("ASSAULT", "Violence against civilians", "Attack")),
    ("Police arrest 20 traders in Kisumu", ("COERCE", "Strategic developments", "Arrests")),
    ("Hawkers in Nakuru protest new county levies.", ("PROTEST", "Protests", "Peaceful protest")),
    ("A group of teachers marches in protest of delayed salaries in Kericho.",
     ("PROTEST", "Protests", "Peaceful protest")),
    # Protests carried by other words
    ("Tea pickers staged a protest march in Kericho on Monday, demanding their arrears.",
     ("PROTEST", "Protests", "Peaceful protest")),
    ("Matatu drivers paralysed transport in Nyeri on Monday in protest at police extortion.",
     ("PROTEST", "Protests", "Peaceful protest")),
    ("The ruling resulted in protests in Homa Bay on Friday.", ("PROTEST", "Protests", "Peaceful protest")),
    ("Nurses in Nyeri shut the county offices on Tuesday in a protest against delayed pay.",
     ("PROTEST", "Protests", "Peaceful protest")),
    ("Tenants burned a lorry during a protest over evictions in Thika.", ("PROTEST", "Riots", "Violent demonstration")),
    # Notes told as a noun phrase, and a clause of time the parser makes the root
    ("Victims of the failed dam protest in Naivasha.", ("PROTEST", "Protests", "Peaceful protest")),
    ("Survivors of a collapsed building protest in Kisumu.", ("PROTEST", "Protests", "Peaceful protest")),
    ("Traders in Bungoma town protest after their kiosks are pulled down.", ("PROTEST", "Protests", "Peaceful protest")),
    # A verb the parser took for a noun, told by the article after it; a noun keeps its own article
    ("Villagers of Kiambaa lynch a man on suspicion of witchcraft.", ("ASSAULT", "Riots", "Mob violence")),
    ("Suspected al Shabaab attack a police camp with grenades, but did not cause harm.",
     ("ASSAULT", "Explosions/Remote violence", "Grenade")),
    ("After the attack the gunmen fled into the forest.", None),
    # Police disperse a gathering, whoever it is of; not fighters
    ("Police dispersed members of the teachers' union outside the county offices in Kisii.",
     ("PROTEST", "Protests", "Protest with intervention")),
    ("Police fired tear gas to disperse the clashing members in Kisii.", None),
    ("Forty nurses took part in a vigil outside the hospital in Machakos.",
     ("PROTEST", "Protests", "Peaceful protest")),
    # A claim by someone other than a crowd stays an event of its own
    ("The opposition demanded the release of its leader on Monday.",
     ("REQUEST", "Strategic developments", "Other")),
    # Accusations of ties
    ("Police linked the gang to the killing of a trader in Kisumu.", ("ACCUSE", "Strategic developments", "Other")),
    ("The minister said the attackers had ties to a local militia.", ("ACCUSE", "Strategic developments", "Other")),
    # Suicide attacks, whatever the verb
    ("A suicide bomber blew himself up at a market in Quetta, killing six.",
     ("ASSAULT", "Explosions/Remote violence", "Suicide bomb")),
    ("Two suicide bombers attacked a mosque in Konduga on Friday, killing five worshippers.",
     ("ASSAULT", "Explosions/Remote violence", "Suicide bomb")),
    # Territory changing hands: regained by the state, overtaken by anyone else
    ("The army recaptured the town of Mora from insurgents on Monday.",
     ("ASSAULT", "Battles", "Government regains territory")),
    ("Government forces regained control of two villages near Beni on Sunday.",
     ("ASSAULT", "Battles", "Government regains territory")),
    ("Jihadist fighters seized the town of Djibo on Saturday.",
     ("ASSAULT", "Battles", "Non-state actor overtakes territory")),
    ("Rebels took control of the airport in Bunia on Tuesday.",
     ("ASSAULT", "Battles", "Non-state actor overtakes territory")),
    ("Police seized 40 kilograms of heroin in Mombasa on Monday.",
     ("COERCE", "Strategic developments", "Looting/property destruction")),
    # Live fire on a crowd is excessive force; a baton charge is an intervention
    ("Police fired live bullets at demonstrators in Bamako on Friday, killing three.",
     ("PROTEST", "Protests", "Excessive force against protesters")),
    ("Soldiers shot dead four protesters in Khartoum on Sunday.",
     ("PROTEST", "Protests", "Excessive force against protesters")),
    # Weapons taken out of use before they were used
    ("Police defused two bombs found near a church in Garissa on Monday.",
     ("COERCE", "Strategic developments", "Disrupted weapons use")),
    ("Air defences intercepted three missiles over Riyadh on Sunday.",
     ("COERCE", "Strategic developments", "Disrupted weapons use")),
    ("Police dismantled a gang camp in Ijara on Monday.", None),
    # Words that look like events but report none
    ("Officials gave no details of the units the suspects were linked to.", None),
    ("The protesters demanded the immediate reopening of the market.", None),
    ("The minister engaged the unions in talks on Monday.", None),
    ("Two people were injured when the stage collapsed at the rally ground.", None),
    ("The minister vowed to fight corruption in the county.", None),
    ("The two parties are locked in a legal battle over the seat.", None),
    ("Opposition leaders vowed to protest on Friday.", None),
    ("The union plans to protest next week.", None),
    ("Hundreds of people gathered for the funeral of the chief.", None),
    ("Protests are planned for Friday in the capital.", None),
    ("A history of protest in the region.", None),
    # Verbless notes and headlines the small model misparses: the verb read as a noun or an
    # adjective, the event noun as the subject of an adjective, the toll told in a clause
    ("Anti-riot police arrest 14 hawkers in Kakamega over illegal stalls.",
     ("COERCE", "Strategic developments", "Arrests")),
    ("Bandits open fire on a matatu near Marsabit.",
     ("ASSAULT", "Violence against civilians", "Attack")),
    ("A landmine wounds two herders near Mandera.",
     ("ASSAULT", "Explosions/Remote violence", "Remote explosive/landmine/IED")),
    ("Police battle cattle rustlers in Marsabit.", ("ASSAULT", "Battles", "Armed clash")),
    ("Gunbattle between herders and police reservists near Baragoi", ("ASSAULT", "Battles", "Armed clash")),
    ("Battle between Pokot and Turkana raiders armed with rifles.", ("ASSAULT", "Battles", "Armed clash")),
    ("Clashes erupt between Borana and Gabra herders in Moyale", ("ASSAULT", "Battles", "Armed clash")),
    ("Three dead, four injured in a clash over grazing land in Isiolo.", ("ASSAULT", "Battles", "Armed clash")),
    # sides named with a capital mid-sentence are peoples or groups, not a crowd; an attack on
    # a force's unit or post is a battle with that force
    ("Two were killed in clashes between Pokot and Marakwet in Tot on Monday.", ("ASSAULT", "Battles", "Armed clash")),
    ("On Monday, youths from two villages clashed in Kisumu.", ("ASSAULT", "Riots", "Mob violence")),
    ("Militants attacked Nigerian Army units in Damboa on Sunday.", ("ASSAULT", "Battles", "Armed clash")),
    # protests told by their form or their demand, and protests broken up
    ("Nurses held a sit-in at the county hospital in Machakos on Monday.",
     ("PROTEST", "Protests", "Peaceful protest")),
    ("Hawkers gathered outside the county offices in Nyeri on Monday, demanding the return of their goods.",
     ("PROTEST", "Protests", "Peaceful protest")),
    ("Members of the boda boda association protest against new levies in Thika.",
     ("PROTEST", "Protests", "Peaceful protest")),
    ("Members of the Kambi Moto settlement protest against forced evictions in Nairobi.",
     ("PROTEST", "Protests", "Peaceful protest")),
    ("Supporters of the sacked county chief protest outside the governor's office in Embu.",
     ("PROTEST", "Protests", "Peaceful protest")),
    ("Ruling party activists obstructed a procession of opposition supporters in Rajshahi city on Sunday.",
     ("PROTEST", "Protests", "Protest with intervention")),
    ("Unknown assailants set alight a ruling party office in Gaibandha on Sunday.",
     ("ASSAULT", "Strategic developments", "Looting/property destruction")),
    ("Villagers gathered at the chief's camp for a baraza on Monday.", None),
    ("An open fire in the kitchen spread to the roof.", None),
    # hand-made bombs thrown by crowds or cadres are mob violence for ACLED, not explosive attacks
    ("Unidentified men exploded crude bombs outside a councillor's house in Rangpur on Sunday.",
     ("ASSAULT", "Riots", "Mob violence")),
    ("Unknown assailants hurled cocktail bombs at a polling centre in Comilla on Saturday.",
     ("ASSAULT", "Riots", "Mob violence")),
    ("Militants detonated a roadside bomb under a police truck near Wajir on Sunday.",
     ("ASSAULT", "Explosions/Remote violence", "Remote explosive/landmine/IED")),
    # a past verb read as a modifier of the noun after it, and a noun root with a verb beside it
    (("On 2 March 2024, supporters of the eagle symbol candidate assaulted supporters of a rival "
      "candidate at Kaliganj town after the vote."), ("ASSAULT", "Riots", "Mob violence")),
    ("Mob attacks and undresses woman whose outfit they deemed inappropriate", ("ASSAULT", "Riots", "Mob violence")),
    ("Riot police scattered a crowd of hawkers in Nakuru on Friday.",
     ("PROTEST", "Protests", "Protest with intervention")),
    ("Prison warders flogged inmates at Kamiti prison on Monday.",
     ("ASSAULT", "Violence against civilians", "Attack")),
    # a headline's bare participle tells what was done to its subject: a force's man shot
    # dead is a battle with that force, whoever shot him
    ("Police reservist shot dead while patrolling a market in Garissa; attackers unknown",
     ("ASSAULT", "Battles", "Armed clash")),
    # a present-tense protest whose clauses or modifiers hold the sentence's only finite verbs
    ("Matatu operators in Kitengela town protest alleged police extortion.", ("PROTEST", "Protests", "Peaceful protest")),
    (("Students at Kisii University protest over unpaid bursaries after claiming they had not been "
      "paid for several months."), ("PROTEST", "Protests", "Peaceful protest")),
    # what a protest demands is not how it went, nor a new event
    (("Students staged a protest in Khulna on Monday, demanding justice for the killings, "
      "and release of classmates detained by police."), ("PROTEST", "Protests", "Peaceful protest")),
    ("Traders marched in Nyeri on Monday, condemning the beating of a hawker by county officers.",
     ("PROTEST", "Protests", "Peaceful protest")),
    (("Forest department staff staged a protest outside the district forest office in Sylhet city on Monday, "
      "with five-point demands including the arrest of the killers of a forest officer."),
     ("PROTEST", "Protests", "Peaceful protest")),
    # "during their demonstration demanding ...", which the parser hangs on "demanding"
    (("On 3 March 2024, students clashed with police forces in Zindabazar and Amberkhana areas in Sylhet "
      "city, during their demonstration demanding resignation of the vice-chancellor."),
     ("PROTEST", "Riots", "Violent demonstration")),
    # deaths from a blast, a mine under a vehicle, a crowd stoning someone to death
    ("A herder died from a landmine explosion near Baidoa on Tuesday.",
     ("ASSAULT", "Explosions/Remote violence", "Remote explosive/landmine/IED")),
    ("Four soldiers died when their truck ran over a landmine near Mandera on Friday.",
     ("ASSAULT", "Explosions/Remote violence", "Remote explosive/landmine/IED")),
    ("Villagers in Kisii stoned a suspected cattle thief to death on Sunday.", ("ASSAULT", "Riots", "Mob violence")),
    ("Militants destroyed a telecommunications mast in Lamu county on Monday.",
     ("ASSAULT", "Strategic developments", "Looting/property destruction")),
    # a protest told as what someone met or led
    ("The governor's motorcade faced protests by traders in Nyeri on Monday.",
     ("PROTEST", "Protests", "Peaceful protest")),
    ("An opposition MP led a crowd of supporters in protests outside the tallying centre in Kisumu on Friday.",
     ("PROTEST", "Protests", "Peaceful protest")),
    ("Demonstrators engaged police officers in running clashes in Eldoret on Monday.",
     ("ASSAULT", "Riots", "Violent demonstration")),
    # fires lit by a crowd make its protest a riot, told in the next sentence or as its means
    (("Hundreds of traders took to the streets in Ruiru on Monday protesting the demolition of kiosks. "
      "The protesters lit fires along the highway."), ("PROTEST", "Riots", "Violent demonstration")),
    ("On 2 May 2024, students staged a demonstration by setting fire to tyres in Raozan upazila.",
     ("PROTEST", "Riots", "Violent demonstration")),
    # a demonstration staged and then turned into a clash is one violent demonstration
    ("On 2 May 2024, hundreds of students staged a demonstration and clashed with police forces in Rangpur city.",
     ("PROTEST", "Riots", "Violent demonstration")),
    # police who intervene or remove a crowd break a protest up
    ("Hawkers protested in Nyeri on Monday over new market fees. Police intervened.",
     ("PROTEST", "Protests", "Protest with intervention")),
    (("Garment workers staged a protest on a road in Gazipur on Monday over unpaid wages. "
      "Police forces removed the protesters from the road."), ("PROTEST", "Protests", "Protest with intervention")),
    # events said to have been somewhere, and their negation
    ("There were riots in Kisumu on Monday after the results were announced.", ("PROTEST", "Riots", "Violent demonstration")),
    ("Demonstrations were in several towns of Nyandarua county on Thursday.", ("PROTEST", "Protests", "Peaceful protest")),
    ("There were no protests in Nairobi on Monday, police said.", None),
    # a crowd stoning an officer; explosives that went off
    ("A mob of boda boda riders stoned a traffic officer in Thika on Friday.", ("ASSAULT", "Riots", "Mob violence")),
    ("Two men were killed when explosives they were carrying went off in Garissa on Sunday.",
     ("ASSAULT", "Explosions/Remote violence", "Remote explosive/landmine/IED")),
    # habits and plots are not events
    ("Police foiled a plot to attack a church in Mombasa on Monday.", None),
    ("The gang regularly attacks buses on the road to Mandera.", None),
    ("Militants often kidnap foreign workers in the region.", None),
    ("The union said its members protest every year on Labour Day.", None),
    # shootings, roadside bombs, brawls and burnings as notes put them
    ("Bandits sprayed a lorry with bullets on the Marsabit road on Friday, wounding the driver.",
     ("ASSAULT", "Violence against civilians", "Attack")),
    ("A military truck ran over a homemade bomb near Baidoa on Monday, wounding three soldiers.",
     ("ASSAULT", "Explosions/Remote violence", "Remote explosive/landmine/IED")),
    ("A confrontation between supporters of two councillors in Bungoma left four people injured on Saturday.",
     ("ASSAULT", "Riots", "Mob violence")),
    ("A mob burned down two kiosks belonging to a councillor in Kakamega on Friday.",
     ("ASSAULT", "Riots", "Mob violence")),
    # "stormed the streets" is a march, "stormed a station" an attack; a protest "performed"
    ("Boda boda riders stormed the streets of Bungoma on Monday over a new parking fee.",
     ("PROTEST", "Protests", "Peaceful protest")),
    ("Youths stormed the police station in Kisumu on Monday.", ("ASSAULT", "Riots", "Mob violence")),
    # a headline verb with several senses, read by the words after it
    ("Armed men storm market, shoot trader in Mandera", ("ASSAULT", "Violence against civilians", "Attack")),
    ("Teachers performed a silent protest outside the ministry in Lusaka on Monday.",
     ("PROTEST", "Protests", "Peaceful protest")),
    # a protest the note is about, whatever its clauses tell (the arrest is what it demands undone)
    ("Protest in Nakuru over the detention of a trader who was arrested by police overnight.",
     ("PROTEST", "Protests", "Peaceful protest")),
    ("Nurses of the county hospital in Kapsabet protest, accusing the board of unpaid allowances.",
     ("PROTEST", "Protests", "Peaceful protest")),
    # security measures and changes to a group: a curfew imposed, a joint patrol, recruitment;
    # what a rule "would" impose, and what recruits are wanted for, did not happen
    ("Police imposed a dusk-to-dawn curfew in Mandera on Monday after the attack.",
     ("COERCE", "Strategic developments", "Change to group/activity")),
    ("On 4 May 2024, Ethiopian and Kenyan troops conducted a joint patrol along the border near Moyale.",
     ("MOBILIZE", "Strategic developments", "Change to group/activity")),
    ("Elders in Wajir said the militia is recruiting young men to attack rival clans.",
     ("MOBILIZE", "Strategic developments", "Change to group/activity")),
    ("Bar owners marched in Tirana against a draft decree which would shorten opening hours and impose a curfew.",
     ("PROTEST", "Protests", "Peaceful protest")),
    ("The curfew in Lamu was lifted on Monday.", None),
    # shots fired at people or their cars, no weapon named; a striker firing at goal is sport
    ("Soldiers fired at villagers collecting firewood near Bunia on Tuesday, wounding two.",
     ("ASSAULT", "Violence against civilians", "Attack")),
    ("The striker fired at goal twice in the first half.", None),
    # an attack on state forces named by their initials, a unit, a checkpoint or a patrol is a battle
    ("Gunmen shot dead two NDS members in Kunduz on Sunday.", ("ASSAULT", "Battles", "Armed clash")),
    ("Insurgents attacked a checkpoint near Maidan Shahr on Monday, wounding two.",
     ("ASSAULT", "Battles", "Armed clash")),
    ("Unknown gunmen opened fire on a convoy of the 4th Division near Homs on Tuesday.",
     ("ASSAULT", "Battles", "Armed clash")),
    ("Smugglers attacked a BGB patrol near the border in Jessore on Friday.", ("ASSAULT", "Battles", "Armed clash")),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_sentence_is_typed_as_acled_would(sentence: str, expected: tuple[str, str, str] | None) -> None:
    events = es.extract(sentence, published=PUBLISHED)
    if expected is None:
        assert events == []
        return
    assert [(e.type.value, e.acled_event_type, e.acled_sub_event_type) for e in events] == [expected]


def test_a_headline_verb_read_as_a_noun_keeps_doer_and_target_apart() -> None:
    (event,) = es.extract("Unidentified gunmen attack hospital guard in Garissa", published=PUBLISHED)
    assert event.actor1 is not None and event.actor1.mention == "Unidentified gunmen"
    assert event.actor2 is not None and event.actor2.mention == "hospital guard"
    assert event.location is not None and event.location.name == "Garissa"


def test_a_verb_read_as_a_noun_before_an_article_has_its_doer_and_target() -> None:
    (event,) = es.extract("Residents of Gatundu lynch a man on suspicion of theft.")
    assert event.actor1 is not None and event.actor1.mention == "Residents of Gatundu"
    assert event.actor1.kind is es.ActorKind.MOB
    assert event.actor2 is not None and event.actor2.mention == "man"


def test_a_misread_headline_verb_keeps_its_doer_and_count() -> None:
    (event,) = es.extract("Anti-riot police arrest 14 hawkers in Kakamega over illegal stalls.", published=PUBLISHED)
    assert event.actor1 is not None and event.actor1.name == "Police Forces of Kenya"
    assert [(q.min, q.max) for q in event.arrested] == [(14, 14)]
    (event,) = es.extract("A landmine wounds two herders near Mandera.", published=PUBLISHED)
    assert [(q.min, q.max) for q in event.injured] == [(2, 2)]
    assert event.location is not None and event.location.name == "Mandera"


def test_a_toll_names_the_clash_it_followed() -> None:
    (event,) = es.extract("Two herders are dead following clashes with raiders in Kapedo.", published=PUBLISHED)
    assert event.type.value == "ASSAULT" and event.mode == "armed clash"
    assert [(q.min, q.max) for q in event.killed] == [(2, 2)]


def test_those_hurt_in_an_attack_are_its_target() -> None:
    (event,) = es.extract(
        "Three police officers were wounded during an attack by suspected bandits in Marsabit on Sunday.",
        published=PUBLISHED,
    )
    assert event.actor1 is not None and event.actor1.kind is es.ActorKind.UNIDENTIFIED
    assert event.actor2 is not None and event.actor2.kind is es.ActorKind.POLICE
    assert (event.acled_event_type, event.acled_sub_event_type) == ("Battles", "Armed clash")


def test_a_repelled_attack_targets_those_who_repelled_it() -> None:
    (event,) = es.extract(
        "Soldiers repelled an attack by Taliban fighters on a check post in Ghazni on Monday.", published=PUBLISHED
    )
    assert event.actor1 is not None and event.actor1.name == "Taliban"
    assert event.actor2 is not None and event.actor2.kind is es.ActorKind.MILITARY


def test_a_toll_takes_its_doer_from_the_attack_it_names() -> None:
    (event,) = es.extract("Two farmers were killed in an attack by bandits in Zamfara on Friday.", published=PUBLISHED)
    assert event.actor1 is not None and event.actor1.mention == "bandits"
    assert event.actor2 is not None and event.actor2.kind is es.ActorKind.CIVILIANS


def test_a_participle_with_an_object_beside_it_is_active() -> None:
    (event,) = es.extract(
        ("On 4 March 2024, rivals stabbed and killed a shopkeeper at Rampur village, Kalia upazila, "
         "following an altercation over a land dispute."),
        published=PUBLISHED,
    )
    assert event.actor1 is not None and event.actor1.mention == "rivals"
    assert event.actor2 is not None and "shopkeeper" in event.actor2.mention
    assert event.acled_sub_event_type == "Mob violence"


def test_a_noun_root_is_the_doer_of_the_verb_joined_to_it() -> None:
    (event,) = es.extract("Residents of Kitale attack and kill a man they suspected of theft.", published=PUBLISHED)
    assert event.actor1 is not None and event.actor1.kind is es.ActorKind.MOB
    assert event.acled_sub_event_type == "Mob violence"


def test_burnt_to_death_by_a_mob_is_mob_violence() -> None:
    (event,) = es.extract("A suspected thief was burnt to death by a mob in Kakamega on Sunday.", published=PUBLISHED)
    assert (event.acled_event_type, event.acled_sub_event_type) == ("Riots", "Mob violence")
    assert [(q.min, q.max) for q in event.killed] == [(1, 1)]


def test_the_clash_told_after_a_riot_is_that_riot() -> None:
    events = es.extract(
        ("On 3 April 2024, opposition activists clashed with police in Pabna town during their demonstration "
         "against fuel prices. At least 14 people were injured in the clash."),
        published=PUBLISHED,
    )
    assert [(e.acled_sub_event_type, [(q.min, q.max) for q in e.injured]) for e in events] == [
        ("Violent demonstration", [(14, None)])
    ]


def test_protests_someone_was_facing_are_background() -> None:
    events = es.extract(
        "Facing a week of strikes and protests, the president dissolved the cabinet on Sunday.", published=PUBLISHED
    )
    assert [e for e in events if e.type is es.EventType.PROTEST] == []


def test_throwers_of_crude_bombs_are_rioters() -> None:
    (event,) = es.extract("Unidentified men exploded crude bombs outside a councillor's house in Rangpur on Sunday.",
                          published=PUBLISHED)
    assert event.actor1 is not None and event.actor1.name == "Rioters (Bangladesh)"


def test_a_verb_read_as_a_modifier_parts_doer_from_target() -> None:
    (event,) = es.extract(
        "On 2 March 2024, supporters of the eagle symbol candidate assaulted supporters of a rival "
        "candidate at Kaliganj town after the vote.",
        published=PUBLISHED,
    )
    assert event.actor1 is not None and event.actor1.mention == "supporters of the eagle symbol candidate"
    assert event.actor2 is not None and event.actor2.mention == "supporters of a rival candidate"


def test_a_headline_participle_makes_its_subject_the_victim() -> None:
    (event,) = es.extract("Gang suspect killed by police in Mathare, two more arrested.", published=PUBLISHED)
    assert event.actor1 is not None and event.actor1.name == "Police Forces of Kenya"
    assert event.actor2 is not None and event.actor2.mention == "Gang suspect"


def test_a_road_is_no_side_of_an_event() -> None:
    (event,) = es.extract("Police broke up a protest on the avenue on Thursday.", published=PUBLISHED)
    sides = [actor.mention for actor in (event.actor1, event.actor2) if actor is not None]
    assert "avenue" not in sides and sides == ["Police"]


def test_the_force_that_breaks_up_a_march_is_its_other_side() -> None:
    (event,) = es.extract("Kenyan police break up teachers' march in Nairobi, 12 detained", published=PUBLISHED)
    assert (event.type.value, event.acled_sub_event_type) == ("PROTEST", "Protest with intervention")
    assert event.actor2 is not None and event.actor2.name == "Police Forces of Kenya"
    assert event.actor1 is None or event.actor1.kind is not None and event.actor1.kind.value != "police/security"


def test_a_force_blocking_a_road_breaks_a_protest_up_and_holds_none() -> None:
    text = (
        "Hundreds of nurses marched towards the health ministry in Kampala on Monday. "
        "Officers blocked the road leading to the ministry and fired tear gas."
    )
    (event,) = es.extract(text, published=PUBLISHED)
    assert (event.type.value, event.acled_sub_event_type) == ("PROTEST", "Protest with intervention")
    assert event.actor1 is not None and event.actor1.kind is not None
    assert event.actor1.kind.value != "police/security"
    assert es.extract("Police blocked the highway to Kisumu on Monday.", published=PUBLISHED) == []
