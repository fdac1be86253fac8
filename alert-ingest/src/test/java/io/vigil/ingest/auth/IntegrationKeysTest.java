package io.vigil.ingest.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.config.Service.IntegrationType;
import io.vigil.config.VigilConfig;
import io.vigil.config.VigilConfigLoader;
import io.vigil.ingest.pagerduty.Samples;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IntegrationKeysTest {

  private final IntegrationKeys keys = IntegrationKeys.of(Samples.config());

  @Test
  void aKnownKeyOfAnAcceptedTypeNamesItsServiceAndKeepsOnlyTheHash() {
    KeyCheck check =
        keys.check("22222222222222222222222222222222", Set.of(IntegrationType.ALERTMANAGER));

    IntegrationKeys.Integration i = ((KeyCheck.Known) check).integration();
    assertThat(i.serviceId()).isEqualTo("payments");
    assertThat(i.type()).isEqualTo(IntegrationType.ALERTMANAGER);
    assertThat(i.keyHash())
        .isEqualTo(IntegrationKeys.sha256("22222222222222222222222222222222"))
        .hasSize(32);
    assertThat(i.toString()).isEqualTo("Integration[payments/alertmanager]");
    assertThat(i.bucketId()).doesNotContain("2222");
    assertThat(
            Arrays.stream(IntegrationKeys.Integration.class.getRecordComponents())
                .map(c -> c.getName()))
        .doesNotContain("key");
  }

  @Test
  void aKeyRevokedThroughTheConfigurationIsUnknownFromTheNextCheckOn() {
    String alertmanagerKey = "22222222222222222222222222222222";
    String text = Samples.read("vigil-test.yaml");
    VigilConfig rotated =
        VigilConfigLoader.parse(
            text.replace(alertmanagerKey, "9999999999999999999999999999999a"), "rotated");

    keys.reload(rotated);

    assertThat(keys.check(alertmanagerKey, Set.of(IntegrationType.ALERTMANAGER)))
        .isInstanceOf(KeyCheck.Refused.class)
        .extracting(c -> ((KeyCheck.Refused) c).reason())
        .isEqualTo(KeyCheck.Reason.UNKNOWN);
    assertThat(keys.check("9999999999999999999999999999999a", Set.of(IntegrationType.ALERTMANAGER)))
        .isInstanceOf(KeyCheck.Known.class);
  }

  @Test
  void aMissingKeyIsRefused() {
    assertThat(keys.check(null, Set.of(IntegrationType.GRAFANA)))
        .isEqualTo(new KeyCheck.Refused(KeyCheck.Reason.MISSING, "no integration key was sent"));
  }

  @Test
  void aKeyOfTheWrongShapeIsRefusedWithoutLookingItUp() {
    for (String bad :
        new String[] {
          "2222", "22222222222222222222222222222222X", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        }) {
      KeyCheck check = keys.check(bad, Set.of(IntegrationType.ALERTMANAGER));
      assertThat(((KeyCheck.Refused) check).reason()).isEqualTo(KeyCheck.Reason.MALFORMED);
      assertThat(((KeyCheck.Refused) check).message())
          .startsWith("the integration key must be 32 lower-case hex characters")
          .doesNotContain(bad);
    }
  }

  @Test
  void anUnknownKeyIsRefused() {
    KeyCheck check =
        keys.check("abcdefabcdefabcdefabcdefabcdefab", Set.of(IntegrationType.ALERTMANAGER));

    assertThat(((KeyCheck.Refused) check).reason()).isEqualTo(KeyCheck.Reason.UNKNOWN);
  }

  @Test
  void aKeyOfAnotherFormatIsRefusedNamingWhereItBelongs() {
    KeyCheck check =
        keys.check("11111111111111111111111111111111", Set.of(IntegrationType.GRAFANA));

    assertThat(check)
        .isEqualTo(
            new KeyCheck.Refused(
                KeyCheck.Reason.WRONG_FORMAT,
                "this key belongs to the service's events-v2 integration; send events-v2 requests"
                    + " to /v2/enqueue, or use the service's [grafana] key here"));
  }
}
