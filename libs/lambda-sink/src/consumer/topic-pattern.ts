/** Connect matches topics.regex against the whole topic name; RegExp.test alone would match a part. */
export function topicPattern(regex: string): RegExp {
  return new RegExp(`^(?:${regex})$`);
}
