using System.Globalization;

namespace SweepGrid.Actors;

/// <summary>Root of the errors raised by the actor runtime.</summary>
public class ActorException : Exception
{
    public ActorException() { }

    public ActorException(string message) : base(message) { }

    public ActorException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>An ask got no reply in time. The message names the actor, the message type and the wait.</summary>
public sealed class AskTimeoutException : ActorException
{
    public AskTimeoutException(string actorPath, string messageType, TimeSpan timeout)
        : base(string.Create(CultureInfo.InvariantCulture,
            $"Ask to actor '{actorPath}' with message {messageType} got no reply within {Durations.Format(timeout)}."))
    {
        ActorPath = actorPath;
        MessageType = messageType;
        Timeout = timeout;
    }

    /// <summary>Path of the asked actor.</summary>
    public string ActorPath { get; }

    /// <summary>Type name of the message that was sent.</summary>
    public string MessageType { get; }

    /// <summary>How long the asker waited.</summary>
    public TimeSpan Timeout { get; }
}

/// <summary>An ask's message was never handled: the actor had stopped, or its bounded mailbox was full.</summary>
public sealed class MessageUndeliveredException : ActorException
{
    public MessageUndeliveredException(string actorPath, string messageType, string reason)
        : base($"Message {messageType} to actor '{actorPath}' was not delivered: {reason}.")
    {
        ActorPath = actorPath;
        MessageType = messageType;
        Reason = reason;
    }

    /// <summary>Path of the addressed actor.</summary>
    public string ActorPath { get; }

    /// <summary>Type name of the message.</summary>
    public string MessageType { get; }

    /// <summary>Why it was not delivered.</summary>
    public string Reason { get; }
}

/// <summary>The asked actor threw while handling the ask's message; the inner exception is the actor's.</summary>
public sealed class AskFailedException : ActorException
{
    public AskFailedException(string actorPath, string messageType, Exception inner)
        : base($"Actor '{actorPath}' failed while handling {messageType}: {inner.Message}", inner)
    {
        ActorPath = actorPath;
        MessageType = messageType;
    }

    /// <summary>Path of the asked actor.</summary>
    public string ActorPath { get; }

    /// <summary>Type name of the message.</summary>
    public string MessageType { get; }
}

/// <summary>Shutdown did not finish in time; <see cref="StillRunning"/> lists the actors that were still busy.</summary>
public sealed class ActorShutdownTimeoutException : ActorException
{
    public ActorShutdownTimeoutException(string systemName, TimeSpan timeout, IReadOnlyList<string> stillRunning)
        : base(string.Create(CultureInfo.InvariantCulture,
            $"Actor system '{systemName}' did not stop within {Durations.Format(timeout)}; still running: {string.Join(", ", stillRunning)}."))
    {
        StillRunning = stillRunning;
        Timeout = timeout;
    }

    /// <summary>Actor paths, each with the message type it was handling when the wait ended.</summary>
    public IReadOnlyList<string> StillRunning { get; }

    /// <summary>How long shutdown waited.</summary>
    public TimeSpan Timeout { get; }
}
