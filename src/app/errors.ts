/** Input a person gave that the shop cannot take; `problems` are shown next to the form. */
export class InvalidInputError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join(' '));
    this.name = 'InvalidInputError';
  }
}
