// Generated from the list of specs by packages/types/scripts/generate.ts. Do not edit: run `pnpm generate`.

import type { ResponseValidators } from '../response-validator.js';
import { responseValidators as verisoul } from './verisoul.validators.js';
import { responseValidators as vectara } from './vectara.validators.js';

/** Every API's response validators, by API (its folder under specs/). */
export const responseValidatorsOf: Readonly<Record<'verisoul' | 'vectara', ResponseValidators>> = { verisoul, vectara };
