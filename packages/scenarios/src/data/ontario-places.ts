/**
 * Ontario's census metropolitan areas (CMA) and census agglomerations (CA), as gathered
 * for this project (copied from the evidence file with its sources; see data/README.md).
 * `null` means the figure was not found: it is never invented here; the scenario builder
 * fills what the model needs by the documented assumptions in assumptions.ts.
 */
export interface ObservedPlace {
  name: string;
  /** Statistics Canada geography: CMA or CA. */
  censusKind: 'CMA' | 'CA';
  population: number;
  populationYear: number;
  populationSource: string;
  growth2016to2021Pct: number | null;
  foreignBornPct2021: number | null;
  recentImmigrantPct2016to2021: number | null;
  lat: number;
  lon: number;
  notes: string;
}

/** Census 2021 (Statistics Canada) unless populationSource says otherwise. */
export const ONTARIO_PLACES: readonly ObservedPlace[] = [
  {
    "name": "Toronto",
    "censusKind": "CMA",
    "population": 6202225,
    "populationYear": 2021,
    "populationSource": "census 2021",
    "growth2016to2021Pct": 4.6,
    "foreignBornPct2021": 46.2,
    "recentImmigrantPct2016to2021": 6.3,
    "lat": 43.653,
    "lon": -79.383,
    "notes": ""
  },
  {
    "name": "Ottawa (Ontario part)",
    "censusKind": "CMA",
    "population": 1135014,
    "populationYear": 2021,
    "populationSource": "census 2021",
    "growth2016to2021Pct": 9.2,
    "foreignBornPct2021": 23.5,
    "recentImmigrantPct2016to2021": 4.2,
    "lat": 45.422,
    "lon": -75.697,
    "notes": ""
  },
  {
    "name": "Hamilton",
    "censusKind": "CMA",
    "population": 785184,
    "populationYear": 2021,
    "populationSource": "census 2021",
    "growth2016to2021Pct": 5.0,
    "foreignBornPct2021": 25.2,
    "recentImmigrantPct2016to2021": 3.4,
    "lat": 43.255,
    "lon": -79.871,
    "notes": ""
  },
  {
    "name": "Kitchener-Cambridge-Waterloo",
    "censusKind": "CMA",
    "population": 575847,
    "populationYear": 2021,
    "populationSource": "census 2021",
    "growth2016to2021Pct": 9.9,
    "foreignBornPct2021": 25.5,
    "recentImmigrantPct2016to2021": 4.8,
    "lat": 43.451,
    "lon": -80.489,
    "notes": ""
  },
  {
    "name": "London",
    "censusKind": "CMA",
    "population": 543551,
    "populationYear": 2021,
    "populationSource": "census 2021",
    "growth2016to2021Pct": 10.0,
    "foreignBornPct2021": 21.3,
    "recentImmigrantPct2016to2021": 3.8,
    "lat": 42.985,
    "lon": -81.245,
    "notes": ""
  },
  {
    "name": "St. Catharines-Niagara",
    "censusKind": "CMA",
    "population": 433604,
    "populationYear": 2021,
    "populationSource": "census 2021",
    "growth2016to2021Pct": 6.8,
    "foreignBornPct2021": 17.6,
    "recentImmigrantPct2016to2021": 1.9,
    "lat": 43.159,
    "lon": -79.247,
    "notes": ""
  },
  {
    "name": "Windsor",
    "censusKind": "CMA",
    "population": 422630,
    "populationYear": 2021,
    "populationSource": "census 2021",
    "growth2016to2021Pct": 6.0,
    "foreignBornPct2021": 22.9,
    "recentImmigrantPct2016to2021": 3.7,
    "lat": 42.317,
    "lon": -83.027,
    "notes": ""
  },
  {
    "name": "Oshawa",
    "censusKind": "CMA",
    "population": 415311,
    "populationYear": 2021,
    "populationSource": "census 2021",
    "growth2016to2021Pct": 9.3,
    "foreignBornPct2021": 22.1,
    "recentImmigrantPct2016to2021": 2.8,
    "lat": 43.898,
    "lon": -78.865,
    "notes": ""
  },
  {
    "name": "Barrie",
    "censusKind": "CMA",
    "population": 212856,
    "populationYear": 2021,
    "populationSource": "census 2021",
    "growth2016to2021Pct": 8.0,
    "foreignBornPct2021": 16.6,
    "recentImmigrantPct2016to2021": 2.0,
    "lat": 44.389,
    "lon": -79.69,
    "notes": ""
  },
  {
    "name": "Kingston",
    "censusKind": "CMA",
    "population": 172546,
    "populationYear": 2021,
    "populationSource": "census 2021",
    "growth2016to2021Pct": 7.1,
    "foreignBornPct2021": 11.8,
    "recentImmigrantPct2016to2021": 1.6,
    "lat": 44.231,
    "lon": -76.486,
    "notes": ""
  },
  {
    "name": "Greater Sudbury",
    "censusKind": "CMA",
    "population": 170605,
    "populationYear": 2021,
    "populationSource": "census 2021",
    "growth2016to2021Pct": 2.8,
    "foreignBornPct2021": 5.9,
    "recentImmigrantPct2016to2021": 1.0,
    "lat": 46.492,
    "lon": -80.993,
    "notes": ""
  },
  {
    "name": "Thunder Bay",
    "censusKind": "CMA",
    "population": 123258,
    "populationYear": 2021,
    "populationSource": "census 2021 (quoted by a secondary page)",
    "growth2016to2021Pct": 1.3,
    "foreignBornPct2021": null,
    "recentImmigrantPct2016to2021": null,
    "lat": 48.381,
    "lon": -89.248,
    "notes": "foreign-born share not found"
  },
  {
    "name": "Guelph",
    "censusKind": "CMA",
    "population": 180476,
    "populationYear": 2023,
    "populationSource": "Statistics Canada 1 July 2023 estimate (not a census count)",
    "growth2016to2021Pct": null,
    "foreignBornPct2021": null,
    "recentImmigrantPct2016to2021": null,
    "lat": 43.545,
    "lon": -80.248,
    "notes": ""
  },
  {
    "name": "Brantford",
    "censusKind": "CMA",
    "population": 167718,
    "populationYear": 2023,
    "populationSource": "Statistics Canada 1 July 2023 estimate (not a census count)",
    "growth2016to2021Pct": null,
    "foreignBornPct2021": null,
    "recentImmigrantPct2016to2021": null,
    "lat": 43.139,
    "lon": -80.264,
    "notes": ""
  },
  {
    "name": "Peterborough",
    "censusKind": "CMA",
    "population": 142737,
    "populationYear": 2023,
    "populationSource": "Statistics Canada 1 July 2023 estimate (not a census count)",
    "growth2016to2021Pct": null,
    "foreignBornPct2021": null,
    "recentImmigrantPct2016to2021": null,
    "lat": 44.31,
    "lon": -78.32,
    "notes": ""
  },
  {
    "name": "Belleville",
    "censusKind": "CMA",
    "population": 121982,
    "populationYear": 2023,
    "populationSource": "Statistics Canada 1 July 2023 estimate (not a census count)",
    "growth2016to2021Pct": null,
    "foreignBornPct2021": null,
    "recentImmigrantPct2016to2021": null,
    "lat": 44.163,
    "lon": -77.383,
    "notes": ""
  },
  {
    "name": "Chatham-Kent",
    "censusKind": "CA",
    "population": 110986,
    "populationYear": 2023,
    "populationSource": "Statistics Canada 1 July 2023 estimate (not a census count)",
    "growth2016to2021Pct": null,
    "foreignBornPct2021": 8.6,
    "recentImmigrantPct2016to2021": null,
    "lat": 42.405,
    "lon": -82.191,
    "notes": "foreign-born share is the 2016 immigrant share from Esses & Carter 2019 (alignment uncertain)"
  },
  {
    "name": "Sarnia",
    "censusKind": "CA",
    "population": 106984,
    "populationYear": 2023,
    "populationSource": "Statistics Canada 1 July 2023 estimate (not a census count)",
    "growth2016to2021Pct": null,
    "foreignBornPct2021": null,
    "recentImmigrantPct2016to2021": null,
    "lat": 42.999,
    "lon": -82.309,
    "notes": ""
  },
  {
    "name": "Sault Ste. Marie",
    "censusKind": "CA",
    "population": 85033,
    "populationYear": 2023,
    "populationSource": "Statistics Canada 1 July 2023 estimate (not a census count)",
    "growth2016to2021Pct": null,
    "foreignBornPct2021": 8.5,
    "recentImmigrantPct2016to2021": null,
    "lat": 46.495,
    "lon": -84.346,
    "notes": "foreign-born share is the 2016 immigrant share from Esses & Carter 2019 (alignment uncertain)"
  },
  {
    "name": "North Bay",
    "censusKind": "CA",
    "population": 79732,
    "populationYear": 2023,
    "populationSource": "Statistics Canada 1 July 2023 estimate (not a census count)",
    "growth2016to2021Pct": null,
    "foreignBornPct2021": null,
    "recentImmigrantPct2016to2021": null,
    "lat": 46.31,
    "lon": -79.461,
    "notes": ""
  },
  {
    "name": "Cornwall",
    "censusKind": "CA",
    "population": 66351,
    "populationYear": 2023,
    "populationSource": "Statistics Canada 1 July 2023 estimate (not a census count)",
    "growth2016to2021Pct": null,
    "foreignBornPct2021": null,
    "recentImmigrantPct2016to2021": null,
    "lat": 45.021,
    "lon": -74.731,
    "notes": ""
  },
  {
    "name": "Woodstock",
    "censusKind": "CA",
    "population": 51387,
    "populationYear": 2023,
    "populationSource": "Statistics Canada 1 July 2023 estimate (not a census count)",
    "growth2016to2021Pct": null,
    "foreignBornPct2021": null,
    "recentImmigrantPct2016to2021": null,
    "lat": 43.131,
    "lon": -80.747,
    "notes": ""
  },
  {
    "name": "Timmins",
    "censusKind": "CA",
    "population": 44819,
    "populationYear": 2023,
    "populationSource": "Statistics Canada 1 July 2023 estimate (not a census count)",
    "growth2016to2021Pct": null,
    "foreignBornPct2021": null,
    "recentImmigrantPct2016to2021": null,
    "lat": 48.468,
    "lon": -81.33,
    "notes": ""
  },
  {
    "name": "Owen Sound",
    "censusKind": "CA",
    "population": 31820,
    "populationYear": 2016,
    "populationSource": "census 2016 (quoted by Esses & Carter 2019)",
    "growth2016to2021Pct": null,
    "foreignBornPct2021": null,
    "recentImmigrantPct2016to2021": null,
    "lat": 44.567,
    "lon": -80.933,
    "notes": ""
  }
];
