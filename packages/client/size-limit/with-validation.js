// What a consumer that opts into response validation bundles: every export of the client plus both APIs'
// compiled validators (size-limit's import map cannot import two exports of one name).

export { responseValidators as vectaraValidators } from '@api-contracts/types/vectara/validators';
export { responseValidators as verisoulValidators } from '@api-contracts/types/verisoul/validators';
export * from '../dist/index.js';
