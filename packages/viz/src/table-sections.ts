import {
  ASSIGNED_PEOPLE,
  classArea,
  classGroupArea,
  ENGAGEMENT_PILOT_RESIDENTS,
  INCENTIVE_TAKERS,
  MID_SIZE_CITIES,
  RESULT_FILES,
  SERVED_BY_WELCOME,
  SMALL_CENTRES,
  type SummaryDocument,
} from '@smart-settlement/core';
import { actedOnTable, costEffectivenessTable, destinationsTable, moneyTable } from './accounts-tables.js';
import { type AreaLabel, areaCostTable, areaDestinationsTable, areaRetentionTable } from './area-tables.js';
import { figuresTable } from './figures-table.js';
import { escapeHtml } from './html-text.js';

/**
 * One section of the accountability tables: a title, a paragraph saying what the tables
 * hold, and the tables. Every text and value is escaped, so a page can put `intro` and
 * `tables` in as HTML.
 */
export interface TableSection {
  /** An id for links to the section, unique among the sections. */
  id: string;
  title: string;
  /** What the tables hold, as HTML (one or more paragraphs). */
  intro: string;
  /** The tables, as HTML. */
  tables: string;
  /** Whether a page that folds its sections shows this one open at first. */
  open: boolean;
  /** A long table of every place or class, which a report puts after its charts. */
  annex: boolean;
}

/**
 * The accountability tables of a results folder, in order, as both the briefing report
 * (`report.html`) and the scenario explorer show them: what each additional newcomer kept
 * costs, the programme money, where newcomers went, the people the money touched, the
 * figures of the groups of places and of the region, each immigrant class (retention,
 * destinations, the people acted on, cost), and each place (destinations, cost).
 * @example
 * for (const s of tableSections(summary)) html += `<h2 id="${s.id}">${escapeHtml(s.title)}</h2>${s.intro}${s.tables}`;
 */
export function tableSections(s: SummaryDocument): TableSection[] {
  const names = s.scenarios.map((x) => x.name);
  const reference = s.reference ?? names[0];
  const others = names.filter((n) => n !== reference);
  const region = escapeHtml(s.region);
  const ref = escapeHtml(reference);
  const sections: TableSection[] = [];
  const add = (id: string, title: string, intro: string, tables: string, open = false, annex = false) =>
    sections.push({ id, title, intro, tables, open, annex });

  add(
    'cost-per-additional',
    'What each additional newcomer kept costs',
    `<p>Against ${ref}, in the same replication (the same newcomers arrive and draw the same random numbers, so each difference is the policy's, not chance's): the extra net programme dollars spent on the cohorts that reached 5 (or 10) years, divided by the extra people of those cohorts still in their first place in the smaller places. <strong>No gain</strong>: the scenario kept nobody more than ${ref}, so no price is given. A figure that <strong>saves</strong> money means the scenario kept more people and cost less than ${ref} (clawbacks repaid exceeded what it spent): read it as dollars returned per additional person kept, not a price. The last column is the average cost over everyone still there, including those who would have stayed without the programme; it is not the cost of the programme's effect.</p>`,
    others.length
      ? `${costEffectivenessTable(s, s.smallerPlacesArea, others)}
<p>The same for ${region} as a whole (people still anywhere in ${region}, all programme money):</p>
${costEffectivenessTable(s, s.region, others)}`
      : '<p>One scenario only: run <code>settle compare</code> with a reference to see what each additional person kept costs.</p>',
    true,
  );
  add(
    'programme-money',
    'Programme money: gross spending, clawbacks and net cost',
    `<p>Over the whole run, everywhere in ${region}: what programmes paid out, what incentive takers who left before their term repaid, and the difference.</p>`,
    moneyTable(s, s.region, names),
  );
  add(
    'destinations',
    'Where the newcomers went',
    `<p>Of the newcomers who first settled in each group of places, where they are 5 and 10 years after arrival (shares of those who arrived; the medians need not add up to exactly 100%). Each place is in the tables "Each place" below; ${RESULT_FILES.flows} has the people from each first place, of each immigrant class, to each destination.</p>`,
    destinationsTable(s, [s.smallerPlacesArea, MID_SIZE_CITIES, SMALL_CENTRES], names),
  );
  add(
    'acted-on',
    'The people the money touched',
    '<p>Newcomers a policy acted on, wherever they first settled: those who took an incentive offer, those placed by an allocation, those served by welcome services on arrival, and those who first settled in a place running a community-engagement programme. Retention counts those still in their first place.</p>',
    actedOnTable(s, names),
  );
  add(
    'smaller-places',
    'Accountability figures: the smaller places',
    '<p>Newcomers who first settled in one of the smaller places (measures of retention count those still in that first place). Median across replications, 90% interval beneath.</p>',
    figuresTable(s, s.summary, s.smallerPlacesArea, names, false),
    true,
  );
  if (others.length)
    add(
      'smaller-places-paired',
      `Against ${reference}: paired differences in the smaller places`,
      `<p>Each scenario minus ${ref} in the same replication.</p>`,
      figuresTable(s, s.paired, s.smallerPlacesArea, others, true),
    );
  add(
    'mid-size-cities',
    'Accountability figures: mid-size cities',
    '<p>Newcomers who first settled in a mid-size city.</p>',
    figuresTable(s, s.summary, MID_SIZE_CITIES, names, false),
  );
  add(
    'small-centres',
    'Accountability figures: small centres',
    '<p>Newcomers who first settled in a small centre.</p>',
    figuresTable(s, s.summary, SMALL_CENTRES, names, false),
  );
  add(
    'region',
    `Accountability figures: ${s.region}`,
    `<p>All newcomers to the region (retention: still anywhere in ${region}).</p>`,
    figuresTable(s, s.summary, s.region, names, false),
  );
  sections.push(...classSections(s, names, others));
  sections.push(...placeSections(s, names, others));
  return sections;
}

/** The immigrant classes' sections: retention in the region, destinations, the people acted on, cost. */
function classSections(s: SummaryDocument, names: string[], others: string[]): TableSection[] {
  const classes = s.classes ?? [];
  if (classes.length === 0) return [];
  const region = escapeHtml(s.region);
  const byClass = (group: string): AreaLabel[] =>
    classes.map((c) => ({ area: classGroupArea(group, c), label: classArea(c) }));
  const actedOn = [INCENTIVE_TAKERS, ASSIGNED_PEOPLE, SERVED_BY_WELCOME, ENGAGEMENT_PILOT_RESIDENTS].flatMap(
    (group) => classes.map((c) => ({ area: classGroupArea(group, c), label: `${group}: ${classArea(c)}` })),
  );
  return [
    {
      id: 'classes-retention',
      title: `Retention by immigrant class: ${s.region}`,
      intro: `<p>Newcomers of each admission class still anywhere in ${region}, as the class-level evidence counts them.</p>`,
      tables: areaRetentionTable(
        s,
        classes.map((c) => ({ area: classArea(c), label: classArea(c) })),
        names,
        'Immigrant class',
      ),
      open: false,
      annex: false,
    },
    {
      id: 'classes-destinations',
      title: 'Where the newcomers of each class went: the smaller places',
      intro:
        '<p>Of the newcomers of each class who first settled in one of the smaller places, where they are 5 and 10 years after arrival. The same for mid-size cities, small centres and the people a policy acted on, by class, is in summary.json (<code>destinations</code>, areas named "… · Family class").</p>',
      tables: areaDestinationsTable(s, byClass(s.smallerPlacesArea), names, 'Immigrant class'),
      open: false,
      annex: false,
    },
    {
      id: 'classes-acted-on',
      title: 'The people the money touched, by class',
      intro:
        '<p>The newcomers each policy acted on, by admission class (only the classes it acted on). Retention counts those still in their first place.</p>',
      tables: areaRetentionTable(s, actedOn, names, 'People', [
        'retention1',
        'retention5',
        'retention10',
        'leftRegion10',
      ]),
      open: false,
      annex: false,
    },
    {
      id: 'classes-cost',
      title: 'What each class cost: the smaller places',
      intro: `<p>Programme money paid to or for the newcomers of each class who first settled in a smaller place (incentives, benefits, welcome services per person served), less the clawbacks they repaid, against ${escapeHtml(s.reference ?? names[0])}; the classes' net costs add up to the programmes' except for money spent on places (community engagement), which no class can be charged with: where a scenario spends on places, its cost per additional person of a class is not given. Only scenarios that spent money on a class are shown.</p>`,
      tables: others.length
        ? areaCostTable(s, byClass(s.smallerPlacesArea), others, 'Immigrant class')
        : '<p>One scenario only: no difference to price.</p>',
      open: false,
      annex: false,
    },
  ];
}

/** Each place's sections: where its newcomers went, and what the programmes cost there. */
function placeSections(s: SummaryDocument, names: string[], others: string[]): TableSection[] {
  // The smaller places first (mid-size cities, then small centres), then the others, each in summary.json's order.
  const rank = (p: SummaryDocument['places'][number]) => (p.smaller ? (p.kind === 'mid-size' ? 0 : 1) : 2);
  const places = [...s.places]
    .map((p, i) => ({ p, i }))
    .sort((a, b) => rank(a.p) - rank(b.p) || a.i - b.i)
    .map(({ p }) => ({ area: p.name, label: p.name }));
  if (places.length === 0) return [];
  return [
    {
      id: 'places-destinations',
      title: 'Each place: where its newcomers went',
      intro: `<p>Of the newcomers who first settled in each place, the shares 5 and 10 years after arrival still there, moved to another smaller place, moved to a metro, or gone from ${escapeHtml(s.region)}: median across replications, 90% interval beneath. The smaller places come first.</p>`,
      tables: areaDestinationsTable(s, places, names),
      open: false,
      annex: true,
    },
    {
      id: 'places-cost',
      title: 'Each place: what the programmes cost there',
      intro: `<p>For each place where a scenario spent programme money: gross spending, clawbacks repaid and net cost over the run, the additional newcomers still in that place 5 years after arrival against ${escapeHtml(s.reference ?? names[0])}, and the cost of each (<strong>no gain</strong> where the scenario kept nobody more there).</p>`,
      tables: others.length
        ? areaCostTable(s, places, others)
        : '<p>One scenario only: no difference to price.</p>',
      open: false,
      annex: true,
    },
  ];
}
