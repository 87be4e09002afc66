using Stow.Cell.Journal;
using Stow.Cell.Shift;
using Stow.Cell.Tests.Support;
using Stow.Core.Ids;
using Stow.Core.Items;
using Stow.Core.Outcomes;
using Stow.Core.Space;
using Stow.Core.Time;
using Stow.Planning.Candidates;

namespace Stow.Cell.Tests.Journal;

public sealed class ShiftJournalTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact(Timeout = 20_000)]
    public async Task Shift_Port_Records_Every_Item_In_Exactly_One_Place()
    {
        await Task.Yield();
        using var j = InventoryJournal.Open(_dir.File("j.db"), new VirtualClock());
        j.ReconcileAtStartup();
        var shift = new ShiftJournal(j, _ => [new BinId(0, 0), new BinId(0, 1)]);
        var pod = new PodId("POD-1");
        shift.PodArrived(pod, "fabric-40");
        Item a = NewItem("a"), b = NewItem("b"), c = NewItem("c");
        shift.Inducted(a);
        shift.Inducted(b);
        shift.Inducted(c);

        var stow = new StowAction(a, new BinId(0, 1), [Primitive.SweepLeft], ItemOrientation.WLH, 0.97, false);
        var id = shift.BeginAttempt(pod, stow);
        Assert.Equal(1, shift.CountUnaccounted());
        shift.EndAttempt(id, pod, stow, StowOutcome.Stowed, "", 5.5);

        var unregistered = new StowAction(b, new BinId(3, 2), [], ItemOrientation.LWH, 0.5, true);
        shift.EndAttempt(shift.BeginAttempt(pod, unregistered), pod, unregistered, StowOutcome.Defect, "protruding", 6);
        shift.ToException(c.Id, "too many unproductive attempts");

        Assert.Equal(0, shift.CountUnaccounted());
        Assert.Equal(ItemLocation.InBin(pod, new BinId(0, 1)), j.GetItem(a.Id)!.Location);
        Assert.Equal(5.5, j.GetAttempt(id)!.Timings.Act);
        Assert.Contains("\"orientation\":\"WLH\"", j.GetAttempt(id)!.Plan, StringComparison.Ordinal);
        Assert.Equal(ItemLocationKind.Exception, j.GetItem(b.Id)!.Location.Kind);
        Assert.Equal(ItemLocationKind.Exception, j.GetItem(c.Id)!.Location.Kind);
        Assert.Throws<JournalException>(() => shift.ToException(c.Id, "again"));
    }

    private static Item NewItem(string id) =>
        new(new ItemId(id), "thing", new ItemDimensions(0.2, 0.1, 0.05), 0.4, PackagingClass.Box, false, "", "test");
}
