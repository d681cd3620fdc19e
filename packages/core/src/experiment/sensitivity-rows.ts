/** One row of a Sobol indices table: an output, a parameter, S1 and ST with their 95% interval ends. */
export interface SobolRow {
  output: string;
  parameter: string;
  S1: number;
  S1_lo: number;
  S1_hi: number;
  ST: number;
  ST_lo: number;
  ST_hi: number;
}

/** One row of a Morris table: mu, mu* (with its 95% interval ends) and sigma, per unit of the unit cube. */
export interface MorrisRow {
  output: string;
  parameter: string;
  mu: number;
  mu_star: number;
  mu_star_lo: number;
  mu_star_hi: number;
  sigma: number;
}
