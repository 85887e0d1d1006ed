package nl.kamervragen.testing;

import java.lang.reflect.Method;
import org.apache.beam.sdk.testing.TestPipeline;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.runner.Description;
import org.junit.runners.model.Statement;

/**
 * Gives a JUnit 5 test a Beam {@link TestPipeline} with the checks its JUnit 4 rule makes: the
 * pipeline must be run, and no transform may be left dangling. Beam 2.62 has no JUnit 5 support
 * of its own.
 */
public final class TestPipelineExtension implements ParameterResolver, InvocationInterceptor {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(TestPipelineExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == TestPipeline.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return pipeline(context);
  }

  private static TestPipeline pipeline(ExtensionContext context) {
    return context.getStore(NAMESPACE).getOrComputeIfAbsent("pipeline", k -> TestPipeline.create(), TestPipeline.class);
  }

  @Override
  public void interceptTestMethod(
      Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext, ExtensionContext context)
      throws Throwable {
    TestPipeline pipeline = pipeline(context);
    Statement body =
        new Statement() {
          @Override
          public void evaluate() throws Throwable {
            invocation.proceed();
          }
        };
    pipeline
        .apply(body, Description.createTestDescription(context.getRequiredTestClass(), context.getRequiredTestMethod().getName()))
        .evaluate();
  }
}
