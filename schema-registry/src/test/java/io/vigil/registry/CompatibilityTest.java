package io.vigil.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class CompatibilityTest {

  static Schema record(String fields) {
    return new Schema.Parser()
        .parse("{\"type\":\"record\",\"name\":\"R\",\"fields\":[" + fields + "]}");
  }

  static final Schema A_STRING = record("{\"name\":\"a\",\"type\":\"string\"}");
  static final Schema EMPTY = record("");
  static final Schema A_INT_DEFAULTED = record("{\"name\":\"a\",\"type\":\"int\",\"default\":0}");

  /** v1 {a: string}, v2 {} : v3 {a: int = 0} reads v2 but not v1. */
  static final List<Compatibility.Versioned> HISTORY =
      List.of(new Compatibility.Versioned(1, A_STRING), new Compatibility.Versioned(2, EMPTY));

  @Test
  void backwardComparesWithTheLatestVersionOnly() {
    assertThat(Compatibility.BACKWARD.check(A_INT_DEFAULTED, HISTORY)).isEmpty();
  }

  @Test
  void backwardTransitiveComparesWithEveryVersion() {
    assertThat(Compatibility.BACKWARD_TRANSITIVE.check(A_INT_DEFAULTED, HISTORY))
        .singleElement()
        .asString()
        .contains("TYPE_MISMATCH")
        .contains("version 1");
  }

  @Test
  void forwardRequiresOldReadersToReadNewData() {
    Schema dropsA = EMPTY;
    List<Compatibility.Versioned> v1 = List.of(new Compatibility.Versioned(1, A_STRING));

    assertThat(Compatibility.BACKWARD.check(dropsA, v1)).isEmpty();
    assertThat(Compatibility.FORWARD.check(dropsA, v1))
        .singleElement()
        .asString()
        .contains("READER_FIELD_MISSING_DEFAULT_VALUE");
    assertThat(Compatibility.FULL.check(dropsA, v1)).hasSize(1);
    assertThat(Compatibility.NONE.check(dropsA, v1)).isEmpty();
  }

  @Test
  void parsesLevelsCaseInsensitivelyAndRefusesOthersWith42203() {
    assertThat(Compatibility.parse("full_transitive")).isEqualTo(Compatibility.FULL_TRANSITIVE);
    assertThatThrownBy(() -> Compatibility.parse("sometimes"))
        .isInstanceOfSatisfying(
            RegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(42203));
  }
}
