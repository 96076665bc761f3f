import type { FigureId } from './reading.ts';

/**
 * The words of the grammar. Patterns run over the normalised question (lower case, single spaces, no punctuation),
 * most specific first: "deficit per head" must be read before "deficit" and "per head".
 */
export const FIGURE_PATTERNS: ReadonlyArray<readonly [RegExp, FigureId]> = [
  [/\b(?:fair ?shares?|target|over ?funded|under ?funded|overfunded|underfunded|convergence)\b/, 'distance-from-target-2024-25'],
  [/\b(?:running ?costs?|admin(?:istration)? costs?|management costs?|running cost allowance)\b/, 'running-cost-cut-2025-26'],
  [/\b(?:gp|gps|general practice|primary (?:medical|care))\b/, 'gp-per-head'],
  [/\b(?:growth|grow|grew|growing|increase[sd]?|uplift|rise|rose)\b/, 'core-recurrent-growth'],
  [/\b(?:deficit|gap|shortfall|overspend|debt|red) (?:per|a) (?:head|person|capita|resident|patient)\b/, 'deficit-per-head'],
  [/\b(?:deficit|gap|overspend|shortfall)s? (?:as )?(?:a )?(?:share|percent|percentage|proportion|pc|%)\b/, 'deficit-share'],
  [/\b(?:share|percent|percentage|proportion) of (?:its |their |the )?(?:allocation|budget|funding)\b/, 'deficit-share'],
  [/\bdeficit share\b/, 'deficit-share'],
  [/\b(?:quote|quoted|say about|says about|survey say|verbatim|exact words|wording)\b/, 'quote'],
  [/\b(?:sub ?source|cite|cites|cited|board papers?|come from|comes from|based on|source of)\b/, 'sub-source'],
  [
    /\b(?:deficits?|gap|gaps|shortfall|overspend|overspending|overspent|in the red|in debt|debts?|owe|owes|losing|lose|loses|lost|brokest|black hole|position|financial position|finances|broke|red ink|bust|skint|money troubles?|break ?even)\b/,
    'deficit',
  ],
  [/\b(?:core allocation|core funding|recurrent allocation)\b/, 'core-allocation'],
  [/\b(?:spends?|spending|spent|per head|per capita|per person|per resident|per patient|a head|each person|per pop)\b/, 'spend-per-head'],
  [/\b(?:allocations?|budgets?|funding|funded|money|cash|gets|receives?|income|given|grant)\b/, 'allocation'],
  [/\b(?:population|people|residents|inhabitants|patients|populous|how big|size|serves?|covers how many)\b/, 'population'],
  [/\b(?:which region|what region|region is|in which region|where is|where are|located|whereabouts)\b/, 'region'],
];

/** Words that make a question about ICS money in general: without one, a sentence with no place is not ours. */
export const DOMAIN_WORDS =
  /\b(?:ics|icss|icb|icbs|integrated care|nhs|health|trust|system|systems|region|regions|england|english|national|nationally|survey|deficit|allocation|budget|funding|spend|finance|finances)\b/;

export const HIGHEST_WORDS =
  /\b(?:brokest|skintest|most|highest|biggest|largest|greatest|top|worst|max|maximum|more|furthest above|richest|best funded|best off|largest|heaviest|leads?|tops|deepest|hardest hit|priciest|largest deficit)\b/;
export const LOWEST_WORDS =
  /\b(?:least|lowest|smallest|fewest|bottom|min|minimum|less|smaller|lower|worst funded|furthest below|cheapest|tiniest|best|healthiest|lightest|most underfunded|most below)\b/;
/** Phrases that flip "most" to the low end on the fair-shares metric: furthest below target is the lowest value. */
export const BELOW_TARGET = /\b(?:below|under ?funded|underfunded|short of|furthest from|most underfunded|poorest funded)\b/;
export const SUPERLATIVE =
  /\b(?:brokest|skintest|most|highest|biggest|largest|greatest|top|worst|max|maximum|least|lowest|smallest|fewest|bottom|minimum|poorest|furthest|best|richest|cheapest|rank|ranking|ranked|league table|order|sorted?|tops|leads?)\b|\b(?:which|what|who) (?:ics|icb|system|one|area)s? (?:has|have|had|is|gets|get|spends|spend|receives|got)\b/;

export const COMPARE_WORDS = /\b(?:vs|versus|v|compare|compared|comparison|against|than|or|difference|differ|between|side by side)\b/;

export const REGION_WORDS = new Set([
  'north',
  'south',
  'east',
  'west',
  'midlands',
  'mids',
  'london',
  'yorkshire',
  'england',
  'of',
  'and',
  'the',
  'ne',
  'nw',
  'se',
  'sw',
  'eoe',
  'ney',
  'y',
  'eastern',
  'greater',
  'ldn',
]);

export const TODAY_WORDS =
  /\b(?:formed|formed from|now|today|currently|current|these days|still|anymore|any more|nowadays|2026|happened|become|became|merged?|merger|abolished|replaced|successor|successors|new icb|new icbs|exist|exists|existed|gone)\b/;
export const COVERS_WORDS = /\b(?:covers?|covering|runs?|responsible|in charge|serves?|looks? after|area for|whose area)\b/;
export const COUNT_WORDS = /\b(?:how many|number of|count|no of)\b/;
export const ENGLAND_WORDS =
  /\b(?:england|national|nationally|nationwide|country|whole country|countrywide|all icss|all the icss|all systems|all 42|across the nhs|overall|in total|altogether|combined|total|sum|timeline|history|since 2022|what happened since|nao|news|latest)\b/;
export const TIMELINE_WORDS =
  /\b(?:what happened|timeline|history|since 2022|since the survey|what happened since|what has happened|events|news|latest|nao|2023 24|2024 25|later|after the survey|context)\b/;
export const AVERAGE_WORDS = /\b(?:average|avg|mean|typical)\b/;
export const TOTAL_WORDS = /\b(?:total|sum|altogether|combined|overall|add up|in all|aggregate)\b/;
export const MEMBER_WORDS =
  /\b(?:which (?:icss|icbs|systems)|what (?:icss|icbs|systems)|list|members?|who is in|whos in|systems in|icss in|icbs in|make up|made up|consists?|includes?)\b/;

export const GREETINGS =
  /^(?:hi|hello|hey|hiya|yo|sup|hullo|howdy|good (?:morning|afternoon|evening)|morning|evening|thanks|thank you|thx|ta|cheers|ok|okay|cool|nice|great|bye|goodbye|how are you|hows it going|whats up|wassup|help|test|testing|ping|lol|haha|bot|hi bot|hello bot|hey bot|gm|sorry)(?: (?:bot|there|mate|all|everyone|friend|pal|buddy|again|much|so much|a lot|lots))*$/;
export const JOKES =
  /\b(?:joke|jokes|funny|pun|riddle|poem|haiku|song|limerick|story|meaning of life|your name|who are you|who made you|are you (?:a )?(?:human|real|alive|sentient|ai|robot)|do you love|favourite|favorite|weather|football|recipe|cook|score|horoscope)\b/;
export const OTHER_COUNTRIES =
  /\b(?:scotland|scottish|wales|welsh|northern ireland|ireland|irish|isle of man|manx|jersey|guernsey|channel islands|glasgow|edinburgh|aberdeen|dundee|inverness|cardiff|swansea|newport gwent|wrexham|belfast|derry|londonderry|douglas|st helier|highland|lothian|grampian|fife|tayside|hse|nhs scotland|nhs wales|health boards?|france|usa|america|germany|australia|canada|new zealand|india)\b/;
export const INSTRUCTIONS =
  /\bignore\b.*\b(?:above|instructions|previous|rules|prompt)\b|\byour (?:instructions|prompt|system prompt|rules|programming)\b|\b(?:ignore (?:all |any |the |your |previous |prior |above )*(?:instructions|rules|prompts?|messages?)|disregard|system prompt|you are now|pretend|act as|roleplay|role play|jailbreak|developer mode|dan mode|new instructions|forget (?:everything|your|all)|override|sudo|reveal|print your|repeat after me|write (?:me )?(?:a|an|some) (?:code|essay|email|script)|execute|run this|rm rf|drop table|select from|script|javascript|token|password|api key)\b/;
/** Subjects people bring that the data does not cover; a place named beside them does not make them ours. */
export const OTHER_SUBJECTS =
  /\bhow many (?:hospitals|gp surgeries|surgeries|practices|clinics)\b|\b(?:waiting (?:list|lists|times?)|a and e|ambulance|hospital beds|staffing|nurses?|doctors?|strikes?|vaccines?|covid|cancer|mental health|dentists?|dental|pharmac(?:y|ies)|prescriptions?|crime|police|schools?|house prices|housing|rent|council tax|elections?|mps?|voting|trains?|bus(?:es)?|weather|stock market|bitcoin|crypto|mortality|life expectancy|obesity|gdp|inflation|interest rates?)\b/;

/** Question and filler words removed before looking for names; names never consist of these alone. */
export const STOP_WORDS = new Set(
  (
    'a an the what whats which who whos whose where when why how much many is are was were be been being does do did done has have had ' +
    'of in for to at by on with about from into within across among amongst over under per each every ' +
    'me my i we us our you your it its they them their there this that these those he she his her ' +
    'tell show give find get gets got getting let lets please pls plz plez kindly can could would will shall should may might must ' +
    'hi hello hey hiya yo bot mate thanks thank cheers ok okay just so really actually quickly quick like want need know ' +
    'and or vs versus v than compared compare comparison against between difference differ side both either ' +
    'more less most least highest lowest biggest largest smallest fewest greatest top bottom worst best max min maximum minimum ' +
    'rank ranking ranked order sorted sort league table list number no count total sum average avg mean typical overall altogether combined ' +
    'ics icss icb icbs system systems nhs integrated care board boards partnership area areas region regions one ones place places ' +
    'now today currently current still anymore nowadays happened happen become became merged merge merger abolished replaced successor successors new old exist exists existed gone ' +
    'covers cover covering runs run responsible charge serves serve looks look after whose ' +
    'deficit deficits gap gaps shortfall overspend overspending overspent red debt debts owe owes losing money position financial finances broke bust skint break even ' +
    'spend spends spending spent head capita person persons resident residents patient patients population people inhabitants populous big size ' +
    'allocation allocations budget budgets funding funded cash receives receive received income given grant core recurrent ' +
    'fair share shares target targets above below furthest further far distance convergence overfunded underfunded ' +
    'running costs cost admin administration management allowance cut cuts growth grow grew growing increase increased increases uplift rise rose ' +
    'gp gps general practice primary medical ' +
    'quote quoted say says said survey verbatim exact words wording source sources cite cites cited papers paper based ' +
    'percent percentage proportion pc share figure figures number numbers data stats statistics info information details detail card ' +
    'year years 2022 2023 2024 2025 2026 22 23 24 25 26 annual ' +
    'england english national nationally nationwide timeline history events news latest nao context ' +
    'up down then also too any some all other else did didnt doesnt isnt arent not ' +
    'bn m k million billion pounds gbp £ per cent ' +
    'one two three four five six seven eight nine ten first second third ' +
    'doing going faring performing looking status state situation things thing stuff good bad well poor poorly rich worse better worst ' +
    'poorest richest generous funded come comes came happening going on up lately recently recent ever right wrong true false ' +
    'latest last next previous this that yes no maybe okay also only even exactly roughly about approximately around ' +
    'there here name named called known icss icbs trusts trust whole entire everything everyone anyone someone somebody ' +
    'answer question questions ask asking wondering curious quick help explain understand mean means meant ' +
    'as if but because while since until yet via off out report reports reported reporting publish published plan plans planned ' +
    'planning projected forecast expected show shows showed shown formed form made make makes bigger smaller larger higher lower ' +
    'greater richer poorer brokest skintest poorest fewer longer shorter live lives living based located situated ' +
    'relative relatively terms respect regards regarding according whereabouts'
  ).split(' '),
);

export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
};

/** Words a typo may be corrected to; chosen so no place name sits one edit away from them. */
export const CORRECTABLE = [
  'deficit',
  'deficits',
  'allocation',
  'allocations',
  'population',
  'spending',
  'highest',
  'lowest',
  'biggest',
  'smallest',
  'largest',
  'compare',
  'compared',
  'versus',
  'region',
  'regions',
  'funding',
  'running',
  'target',
  'growth',
  'shortfall',
  'overspend',
  'budget',
  'which',
  'where',
  'what',
  'england',
  'national',
  'timeline',
  'history',
  'average',
  'total',
  'people',
  'capita',
  'person',
  'happened',
  'currently',
  'covers',
  'abolished',
  'merged',
  'successor',
  'quote',
  'source',
  'survey',
  'figure',
  'figures',
  'position',
  'least',
  'most',
  'spend',
  'spends',
  'head',
  'increase',
  'convergence',
  'percentage',
  'proportion',
  'system',
  'systems',
  'finances',
];
