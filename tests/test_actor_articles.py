"""Entity clusters on the project's own annotated articles (needs the spaCy model).

The articles in `tests/data/actors_articles/` were written for the project; each lists the
expected clusters of mentions (names, surnames, titles, pronouns, metonyms, groups) with the
expected name, country, sector and group members.
"""

from __future__ import annotations

import pytest

from eval.scorers.actors import all_articles, gold_span, score_articles

pytestmark = pytest.mark.model

#: Mention-to-entity accuracy the articles must reach (issue 3).
MIN_MENTION_ACCURACY = 0.95
MIN_ARTICLES = 12


def test_articles_are_enough_and_well_formed():
    articles = all_articles()
    assert len(articles) >= MIN_ARTICLES
    for article in articles:
        for cluster in article["clusters"]:
            for written, n in cluster["mentions"]:
                start, end = gold_span(article["text"], written, n)
                assert article["text"][start:end] == written


def test_mention_to_entity_accuracy():
    result = score_articles(all_articles())
    assert result.metrics["mention_entity_acc"] >= MIN_MENTION_ACCURACY, result.tables["errors"]
    assert result.metrics["cluster_country_acc"] >= MIN_MENTION_ACCURACY, result.tables["errors"]
