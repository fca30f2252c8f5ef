import type { Customer } from './customers';

/** "High past value": total spend in the top 30 % of all customers. */
export const AT_RISK_VALUE_SHARE = 0.3;
/** "Low P(alive)": the model gives less than an even chance the customer is still buying. */
export const AT_RISK_P_ALIVE_BELOW = 0.5;

/** The rule in one line, for the filter's hint and the methodology. */
export const AT_RISK_RULE = `Total spend in the top ${AT_RISK_VALUE_SHARE * 100} % of all customers and P(alive) below ${
  AT_RISK_P_ALIVE_BELOW * 100
} %`;

type RiskFields = Pick<Customer, 'total_spend' | 'p_alive'>;

/**
 * At risk: high past value (total spend at or above the threshold, the ⌈n × share⌉-th biggest spend: see
 * CustomerEngine.summary) and low
 * P(alive) (below AT_RISK_P_ALIVE_BELOW). A customer without a P(alive), or any customer when
 * there is no threshold, is not at risk.
 */
export function isAtRisk(c: RiskFields, threshold: number | null): boolean {
  return (
    threshold !== null &&
    c.p_alive !== null &&
    c.p_alive < AT_RISK_P_ALIVE_BELOW &&
    c.total_spend >= threshold
  );
}
