import { describe, expect, it } from 'vitest';
import { predictionAvailability, type ValueModelInfo } from './value';

const info = (o: Partial<ValueModelInfo> = {}): ValueModelInfo => ({
  horizonMonths: 12,
  frequency: true,
  monetary: true,
  reason: null,
  ...o,
});

describe('prediction availability', () => {
  it('given a fitted model and values, then everything is available and there is no note', () => {
    expect(predictionAvailability({ withPAlive: 1, withPredictedClv: 1 }, info())).toEqual({
      frequency: true,
      monetary: true,
      note: null,
    });
  });

  it('given an insufficient model, then nothing is available and the note gives the first reason', () => {
    const a = predictionAvailability(
      { withPAlive: 0, withPredictedClv: 0 },
      info({ frequency: false, monetary: false, reason: 'only 40 repeat customers (at least 200 needed)' }),
    );
    expect(a).toEqual({
      frequency: false,
      monetary: false,
      note: 'Predictions unavailable: only 40 repeat customers (at least 200 needed)',
    });
  });

  it('given only the spend model missing, then P(alive) stays and the note is about predicted CLV', () => {
    const a = predictionAvailability(
      { withPAlive: 1, withPredictedClv: 0 },
      info({ monetary: false, reason: 'too few repeat buyers' }),
    );
    expect(a).toEqual({
      frequency: true,
      monetary: false,
      note: 'Predicted CLV unavailable: too few repeat buyers',
    });
  });

  it('given all-null values despite a verdict (or no value_model), then the data decides', () => {
    expect(predictionAvailability({ withPAlive: 0, withPredictedClv: 0 }, info()).frequency).toBe(false);
    expect(predictionAvailability({ withPAlive: 0, withPredictedClv: 0 }, null).note).toBe(
      'Predictions unavailable: this data has no predictions',
    );
  });
});
