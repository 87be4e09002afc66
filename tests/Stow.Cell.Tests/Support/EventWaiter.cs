namespace Stow.Cell.Tests.Support;

/// <summary>
/// Collects items raised by an event (from any thread) and lets a test wait, with a deadline, for the first
/// one matching a predicate. No sleeping: waiters are completed by the producer.
/// </summary>
internal sealed class EventWaiter<T>
{
    private readonly object _gate = new();
    private readonly List<T> _items = [];
    private readonly List<(Func<T, bool> Match, TaskCompletionSource<T> Tcs)> _waiters = [];

    public IReadOnlyList<T> Items
    {
        get { lock (_gate) { return [.. _items]; } }
    }

    public void Add(T item)
    {
        List<TaskCompletionSource<T>> done = [];
        lock (_gate)
        {
            _items.Add(item);
            foreach (var w in _waiters.Where(w => w.Match(item)).ToList())
            {
                _waiters.Remove(w);
                done.Add(w.Tcs);
            }
        }

        foreach (var t in done)
        {
            t.TrySetResult(item);
        }
    }

    public async Task<T> WaitAsync(Func<T, bool> match, double seconds = 10, string what = "event")
    {
        TaskCompletionSource<T> tcs;
        lock (_gate)
        {
            var found = _items.FirstOrDefault(match);
            if (found is not null)
            {
                return found;
            }

            tcs = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, tcs));
        }

        try
        {
            return await tcs.Task.WaitAsync(TimeSpan.FromSeconds(seconds));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"no {what} within {seconds} s; saw {Items.Count}: {string.Join(" | ", Items)}");
        }
    }
}
