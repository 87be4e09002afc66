using Stow.Cell.Shift;
using Stow.Core.Pods;
using Stow.Core.Space;
using Stow.Perception.Pipeline;

namespace Stow.Cell.Hmi;

/// <summary>How perceived bins reach the HMI's camera view: each bin's latest overlay is kept, and a view is built at most
/// <see cref="FramesPerSecond"/> times a second, the last one of a burst shown when its slot comes (on a thread-pool thread).</summary>
public sealed partial class HmiState
{
    private readonly Dictionary<string, HmiBinOverlay> _overlays = new(StringComparer.Ordinal);
    private Func<HmiFrame>? _pendingView;
    private bool _flushScheduled;

    /// <summary>
    /// A bin was perceived from a camera frame (the perception event, on the shift thread): keeps its overlay (outline,
    /// band mask, free box; <see cref="HmiFrameBuilder.Overlay"/>), and when a view is due (<see cref="WantsFrame"/>) shows
    /// the frame around it with its overlay and its neighbours' latest ones (their own last perception, else the latest
    /// whole-face estimate, without a band mask). Call inside the event: it reads the pipeline's last single-bin outputs.
    /// </summary>
    /// <param name="pipeline">The pipeline that perceived the bin.</param>
    /// <param name="perceived">The event's frame, bin index and estimate.</param>
    /// <param name="bin">The bin's geometry.</param>
    public void Perceived(PodSpacePipeline pipeline, PerceivedBinFrame perceived, BinSpec bin)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(perceived);
        string pod;
        PodSpaceEstimate? face;
        PodType? type;
        lock (_gate)
        {
            pod = _progress?.Pod?.ToString() ?? "";
            face = _progress?.Estimate is { } e && e.Pod == _progress.Pod ? e : null;
            type = _podType;
        }

        var overlay = HmiFrameBuilder.Overlay(pipeline, perceived.Frame, perceived.BinIndex, perceived.Estimate, bin, pod);
        List<HmiBinOverlay> others;
        lock (_gate)
        {
            if (_overlays.Values.FirstOrDefault() is { } any && any.Pod != pod)
            {
                _overlays.Clear(); // a new pod at the face: the old pod's estimates say nothing about it
            }

            _overlays[overlay.Bin] = overlay;
            others = [.. _overlays.Values];
        }

        var camera = pipeline.FrameOfBin(perceived.BinIndex);
        HmiFrame Build()
        {
            // Bins of the same camera not perceived one by one yet: their outline and free box from the latest
            // whole-face estimate (its band masks are not kept, so none is drawn for them). Reads only the pipeline's
            // immutable maps, so it may run after the event.
            var all = new List<HmiBinOverlay>(others);
            var known = others.Select(o => o.Bin).ToHashSet(StringComparer.Ordinal);
            foreach (var e in face?.Bins ?? [])
            {
                var index = pipeline.IndexOf(e.Bin);
                if (type is not null && !known.Contains(e.Bin.ToString()) && pipeline.FrameOfBin(index) == camera)
                {
                    all.Add(HmiFrameBuilder.Overlay(pipeline, perceived.Frame, index, e, type[e.Bin], pod, withBand: false));
                }
            }

            return HmiFrameBuilder.Build(perceived.Frame, overlay, all);
        }

        if (WantsFrame())
        {
            ShowFrame(Build());
            return;
        }

        // Too soon for another view: keep this one and show it when the slot comes, so the view ends on the last
        // perceived bin even when perception then stops (e.g. the cell waits in Suspended for a pod swap).
        bool schedule;
        lock (_gate)
        {
            _pendingView = Build;
            schedule = !_flushScheduled;
            _flushScheduled = true;
        }

        if (schedule)
        {
            _ = ShowPendingLaterAsync();
        }
    }

    private async Task ShowPendingLaterAsync()
    {
        await Task.Delay(TimeSpan.FromSeconds(1.0 / FramesPerSecond), _time).ConfigureAwait(false);
        Func<HmiFrame>? build;
        lock (_gate)
        {
            (build, _pendingView, _flushScheduled) = (_pendingView, null, false);
            _lastFrameAt = _time.GetTimestamp();
        }

        try
        {
            if (build is not null)
            {
                ShowFrame(build());
            }
        }
        catch (Exception e) when (e is ArgumentException or OpenCvSharp.OpenCVException)
        {
            // A frame that cannot be drawn is left out; the next perceived bin brings another.
        }
    }
}
