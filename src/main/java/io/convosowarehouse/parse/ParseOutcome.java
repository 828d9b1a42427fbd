package io.convosowarehouse.parse;

/** What parsing one answer body gives: a loadable answer, or the reason the whole answer is refused. */
public sealed interface ParseOutcome permits ParsedAnswer, RefusedAnswer {
}
