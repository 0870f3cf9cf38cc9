package corpus

// The vocabulary of generated dossiers. Names are coined from syllables;
// everything else comes from these lists.

var (
	onsets = []string{"b", "br", "d", "dr", "f", "g", "gr", "h", "k", "kr", "l", "m", "n", "p", "pr", "r", "s", "st", "t", "tr", "v", "z"}
	vowels = []string{"a", "e", "i", "o", "u", "ai", "ei", "ou"}
	codas  = []string{"", "", "n", "r", "l", "s", "nd", "rk", "th", "m"}

	firstNames = []string{"Anna", "Ben", "Carla", "David", "Elena", "Farid", "Grace", "Hassan", "Ines", "Jonas",
		"Kavya", "Liam", "Maria", "Nikolai", "Olga", "Pedro", "Quinn", "Rosa", "Samir", "Tara",
		"Umar", "Vera", "Wei", "Ximena", "Yusuf", "Zara"}

	outletWords = []string{"Herald", "Tribune", "Courier", "Gazette", "Observer", "Chronicle", "Post", "Ledger", "Dispatch", "Monitor"}

	months = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}

	menu = []string{"Home", "World", "Politics", "Business", "Markets", "Science", "Opinion", "Video", "Sport", "Culture", "Podcasts", "Weather"}

	topics = []string{"Trade", "Energy", "Diplomacy", "Industry", "Finance", "Reactions", "Transport", "Agriculture"}

	bodies = []string{"trade ministry", "customs service", "central bank", "statistics office", "port authority",
		"chamber of commerce", "energy regulator", "finance ministry", "industry council", "export agency"}

	goods = []string{"machine tools", "copper cable", "solar panels", "wheat flour", "fertiliser", "steel pipes",
		"ball bearings", "optical lenses", "cotton yarn", "diesel engines", "rail wagons", "cement",
		"glass fibre", "rice", "coffee beans", "aluminium sheet", "textile dyes", "tractor parts",
		"microchips", "timber", "paper pulp", "rubber tyres", "hand tools", "wind turbines", "batteries",
		"pharmaceuticals", "frozen fish", "olive oil", "circuit boards", "turbine blades"}

	tradeVerbs = []string{"imported", "bought", "shipped", "purchased", "received", "brought in"}

	eventKinds = []string{"trade summit", "ministerial meeting", "port opening", "border talks", "investment forum", "tariff review"}

	adjectives = []string{"cautious", "sharp", "modest", "steady", "sudden", "slow", "gradual", "broad", "fragile", "strong"}

	nouns = []string{"recovery", "slowdown", "shortage", "surplus", "backlog", "agreement", "dispute", "forecast", "reform", "tariff"}

	verbs = []string{"warned", "argued", "noted", "insisted", "suggested", "conceded", "predicted", "acknowledged"}

	headlines = []string{
		"%s faces new questions over %s supplies",
		"Why %s is rethinking its trade in %s",
		"Exporters in %s brace for a year of pricey %s",
		"%s and the quiet boom in %s",
		"Inside the scramble for %s in %s",
	}

	// sentences are templates of ordinary prose; {slot}s are filled from
	// the lists above and the shared world.
	sentences = []string{
		"Officials in {place} {verb} that the {noun} could last well into {month}.",
		"In an interview, {person} {verb} that traders had been too slow to react to the {adj} {noun}.",
		"The {body} of {place} has not published new figures since {month}.",
		"Demand for {goods} has been {adj} across the region, according to several traders.",
		"Shipping lines that serve {place} reported a {adj} {noun} in the weeks before {month}.",
		"Analysts at banks in {place} expect the {noun} to ease once harvests come in.",
		"A veteran of the market, {person}, called the {noun} {adj} but manageable.",
		"Several companies declined to comment on their contracts for {goods}.",
		"Warehouses near the border held about {n} days of stock, people familiar with the matter said.",
		"The {body} {verb} that its forecasts would change as new data arrived.",
		"Prices for {goods} in {place} have swung widely since the spring.",
		"Lawmakers in {place} are expected to debate the {noun} before the summer recess.",
		"Speaking at a conference, {person} {verb} that smaller firms would bear most of the cost.",
		"Critics say the {noun} was predictable and that warnings were ignored.",
		"Some {n} companies have applied for licences to trade {goods} this year.",
		"Local producers of {goods} say they cannot compete on price with imports.",
		"Diplomats from {place} and {place} met quietly to discuss the {noun}.",
		"The talks ended without a statement, and no date was set for another round.",
		"Freight costs on the route to {place} rose for a {adj} stretch last quarter.",
		"On a call with reporters, {person} said the {body} was watching the situation closely.",
		"Economists cautioned against reading too much into a single month of data.",
		"A spokeswoman for the {body} said the figures were still being checked.",
		"In {place}, a {adj} {noun} has already changed how buyers plan their orders.",
		"Business groups have asked for clearer rules on licences for {goods}.",
		"The dispute over {goods} has strained ties between {place} and its neighbours.",
		"Traders said the {noun} had made banks more careful about lending.",
		"Farmers near {place} complained that fuel and seed had become harder to find.",
		"The {body} published a short note that gave few details.",
		"In a radio interview, {person} suggested that the government had underestimated the {noun}.",
		"Port workers in {place} said queues of lorries stretched for {n} kilometres.",
		"Insurers have raised premiums for cargoes of {goods} bound for {place}.",
		"Opposition leaders called for an inquiry into the handling of the {noun}.",
		"Retailers expect shelves to look thinner before stock recovers in {month}.",
		"Few observers believe the {noun} will be settled before the end of the year.",
		"Researchers at a university in {place} are tracking shipments of {goods} week by week.",
		"The government has promised a {adj} response but has not said what it will be.",
	}
)
