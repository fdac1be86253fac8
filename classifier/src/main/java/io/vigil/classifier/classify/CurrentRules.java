package io.vigil.classifier.classify;

import io.vigil.config.ClassificationRule;
import io.vigil.config.VigilConfig;
import java.util.List;

/**
 * The classifier for the document in force: its rules are compiled once and compiled again only
 * when a new document brings other rules, so an administrator's change applies from the next alert
 * on. One instance per stream task (not shared between threads).
 */
public final class CurrentRules {

  private List<ClassificationRule> compiledFrom;
  private Classifier classifier;

  /** The classifier of {@code document}'s classification rules. */
  public Classifier of(VigilConfig document) {
    List<ClassificationRule> rules = document.classification();
    if (rules != compiledFrom) {
      classifier = new Classifier(rules);
      compiledFrom = rules;
    }
    return classifier;
  }
}
