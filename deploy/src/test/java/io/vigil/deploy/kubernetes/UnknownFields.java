package io.vigil.deploy.kubernetes;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the fields a model object did not know: fabric8's and Strimzi's models keep unknown YAML
 * fields in {@code additionalProperties} instead of failing, so a typo like {@code readinesProbe}
 * would otherwise pass silently.
 */
final class UnknownFields {

  private UnknownFields() {}

  /** Every path under {@code root} whose object kept fields its class does not declare. */
  static List<String> in(Object root) {
    List<String> found = new ArrayList<>();
    walk(root, "", found, Collections.newSetFromMap(new IdentityHashMap<>()));
    return found;
  }

  private static void walk(Object value, String path, List<String> found, Set<Object> seen) {
    if (value == null || !seen.add(value)) {
      return;
    }
    if (value instanceof Collection<?> items) {
      int i = 0;
      for (Object item : items) {
        walk(item, path + "[" + i++ + "]", found, seen);
      }
      return;
    }
    if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> walk(v, path + "." + k, found, seen));
      return;
    }
    if (!isModel(value.getClass())) {
      return;
    }
    for (Method getter : value.getClass().getMethods()) {
      if (!isGetter(getter)) {
        continue;
      }
      Object child;
      try {
        child = getter.invoke(value);
      } catch (ReflectiveOperationException | RuntimeException e) {
        continue;
      }
      if (getter.getName().equals("getAdditionalProperties")) {
        if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
          found.add((path.isEmpty() ? "." : path) + " " + extra.keySet());
        }
      } else {
        walk(child, path + "." + property(getter), found, seen);
      }
    }
  }

  private static boolean isModel(Class<?> type) {
    String name = type.getName();
    return !type.isEnum()
        && (name.startsWith("io.fabric8.kubernetes.api.model")
            || name.startsWith("io.fabric8.openshift.api.model")
            || name.startsWith("io.strimzi.api"));
  }

  private static boolean isGetter(Method m) {
    return m.getParameterCount() == 0
        && !Modifier.isStatic(m.getModifiers())
        && m.getName().startsWith("get")
        && !m.getName().equals("getClass")
        && m.getReturnType() != void.class;
  }

  private static String property(Method getter) {
    String n = getter.getName().substring(3);
    return n.isEmpty() ? n : Character.toLowerCase(n.charAt(0)) + n.substring(1);
  }
}
