namespace SweepGrid.Actors.Tests;

/// <summary>An actor whose behaviour is a lambda, for tests where a class per case would add noise.</summary>
public sealed class TestActor<TMessage>(
    Func<TMessage, ActorContext<TMessage>, Task> receive,
    Func<ActorContext<TMessage>, Task>? preStart = null,
    Func<ActorContext<TMessage>, Task>? postStop = null) : Actor<TMessage>
{
    public override Task ReceiveAsync(TMessage message, ActorContext<TMessage> context) => receive(message, context);

    public override Task PreStartAsync(ActorContext<TMessage> context) => preStart?.Invoke(context) ?? Task.CompletedTask;

    public override Task PostStopAsync(ActorContext<TMessage> context) => postStop?.Invoke(context) ?? Task.CompletedTask;
}
