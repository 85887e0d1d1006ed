package nl.kamervragen.options;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * The command line of every kamervragen command: options parsed by Beam (they stay the pipeline's
 * options), with help made from the options' own descriptions and defaults, and mistakes said in
 * plain words ("unknown option --inptu; did you mean --input?"), never with Java names.
 */
public final class CommandLine {

  /** A mistake in the arguments, in one line for the user. */
  public static final class UsageError extends Exception {
    public UsageError(String message) {
      super(message);
    }
  }

  private static final Pattern MISSING = Pattern.compile(".*missing a property named '([^']*)'\\.?(?: Did you mean '([^']*)'\\?)?.*", Pattern.DOTALL);
  private static final Pattern RUNNER = Pattern.compile("Unknown 'runner' specified '([^']*)'.*", Pattern.DOTALL);
  private static final Pattern BAD_VALUE = Pattern.compile("Cannot deserialize value of type `(\\w+)` from String \"([^\"]*)\".*", Pattern.DOTALL);

  /** The runners a user can choose; Beam also registers test runners. */
  public static final List<String> RUNNERS = List.of("DirectRunner", "FlinkRunner");

  private CommandLine() {}

  /**
   * Parses arguments into options of an interface, checking first what Beam would report without
   * naming the option: a value of the wrong type.
   */
  public static <T extends PipelineOptions> T parse(String[] args, Class<T> type) throws UsageError {
    Map<String, Class<?>> typed = optionTypes(type);
    for (String arg : args) {
      if (!arg.startsWith("--")) {
        throw new UsageError("'" + arg + "' is not an option: options are written --name=value");
      }
      int equals = arg.indexOf('=');
      String name = arg.substring(2, equals < 0 ? arg.length() : equals);
      Class<?> valueType = typed.get(name);
      if (valueType != null && equals >= 0) {
        checkValue(name, arg.substring(equals + 1), valueType);
      }
    }
    PipelineOptionsFactory.register(type);
    try {
      return PipelineOptionsFactory.fromArgs(args).withValidation().as(type);
    } catch (IllegalArgumentException e) {
      throw new UsageError(plainWords(e.getMessage()));
    }
  }

  private static void checkValue(String name, String value, Class<?> type) throws UsageError {
    try {
      if (type == long.class || type == Long.class) {
        Long.parseLong(value.strip());
      } else if (type == int.class || type == Integer.class) {
        Integer.parseInt(value.strip());
      } else if (type == double.class || type == Double.class) {
        Double.parseDouble(value.strip());
      } else if ((type == boolean.class || type == Boolean.class) && !value.strip().matches("(?i)true|false")) {
        throw new UsageError("--" + name + " must be true or false, got '" + value + "'");
      }
    } catch (NumberFormatException e) {
      throw new UsageError("--" + name + " must be a " + (type == double.class || type == Double.class ? "number" : "whole number")
          + ", got '" + value + "'");
    }
  }

  /** A Beam argument error in plain words. */
  public static String plainWords(String message) {
    String text = message == null ? "unknown problem" : message;
    Matcher missing = MISSING.matcher(text);
    if (missing.matches()) {
      return "unknown option --" + missing.group(1) + (missing.group(2) == null ? "" : "; did you mean --" + missing.group(2) + "?");
    }
    Matcher runner = RUNNER.matcher(text);
    if (runner.matches()) {
      return "unknown runner '" + runner.group(1) + "'; choose " + String.join(" or ", RUNNERS);
    }
    Matcher value = BAD_VALUE.matcher(text);
    if (value.matches()) {
      return "'" + value.group(2) + "' is not a valid " + value.group(1) + " value";
    }
    return text.lines().findFirst().orElse(text);
  }

  /** The options an interface declares itself (not those it inherits), by name, with their value types. */
  static Map<String, Class<?>> optionTypes(Class<? extends PipelineOptions> type) {
    Map<String, Class<?>> options = new LinkedHashMap<>();
    for (Method getter : getters(type)) {
      options.put(optionName(getter), getter.getReturnType());
    }
    return options;
  }

  /** Help lines for the options an interface declares: name, value type, default and description. */
  public static String describe(Class<? extends PipelineOptions> type) {
    StringBuilder help = new StringBuilder();
    for (Method getter : getters(type)) {
      help.append("  --").append(optionName(getter)).append('=').append(valueName(getter.getReturnType()));
      defaultOf(getter).ifPresent(value -> help.append("   (default: ").append(value.isEmpty() ? "none" : value).append(')'));
      help.append('\n');
      Description description = getter.getAnnotation(Description.class);
      if (description != null) {
        wrap(description.value(), "      ", 100).forEach(line -> help.append(line).append('\n'));
      }
    }
    return help.toString();
  }

  private static List<Method> getters(Class<? extends PipelineOptions> type) {
    List<Method> getters = new ArrayList<>();
    for (Method method : type.getDeclaredMethods()) {
      if (method.getParameterCount() == 0 && (method.getName().startsWith("get") || method.getName().startsWith("is"))) {
        getters.add(method);
      }
    }
    // Declaration order is not kept by reflection: alphabetical, as Beam's own help lists them.
    getters.sort(Comparator.comparing(CommandLine::optionName));
    return getters;
  }

  private static String optionName(Method getter) {
    String name = getter.getName().startsWith("is") ? getter.getName().substring(2) : getter.getName().substring(3);
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  private static String valueName(Class<?> type) {
    if (type == boolean.class || type == Boolean.class) {
      return "true|false";
    }
    if (type == long.class || type == int.class || type == Long.class || type == Integer.class) {
      return "N";
    }
    if (type == double.class || type == Double.class) {
      return "X";
    }
    return "TEXT";
  }

  private static Optional<String> defaultOf(Method getter) {
    if (getter.getAnnotation(Default.String.class) != null) {
      return Optional.of(getter.getAnnotation(Default.String.class).value());
    }
    if (getter.getAnnotation(Default.Long.class) != null) {
      return Optional.of(String.valueOf(getter.getAnnotation(Default.Long.class).value()));
    }
    if (getter.getAnnotation(Default.Integer.class) != null) {
      return Optional.of(String.valueOf(getter.getAnnotation(Default.Integer.class).value()));
    }
    if (getter.getAnnotation(Default.Double.class) != null) {
      return Optional.of(String.valueOf(getter.getAnnotation(Default.Double.class).value()));
    }
    if (getter.getAnnotation(Default.Boolean.class) != null) {
      return Optional.of(String.valueOf(getter.getAnnotation(Default.Boolean.class).value()));
    }
    return Optional.empty();
  }

  /** A text in lines of at most {@code width} characters, each with the indent. */
  static List<String> wrap(String text, String indent, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder(indent);
    for (String word : text.split(" ")) {
      if (line.length() > indent.length() && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line = new StringBuilder(indent);
      }
      if (line.length() > indent.length()) {
        line.append(' ');
      }
      line.append(word);
    }
    if (line.length() > indent.length()) {
      lines.add(line.toString());
    }
    return lines;
  }
}
