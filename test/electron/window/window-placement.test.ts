import { describe, expect, it } from 'vitest';
import { visibleBounds } from '../../../electron/window/window-placement';

const laptop = { x: 0, y: 0, width: 1440, height: 900 };
const monitorOnTheRight = { x: 1440, y: 0, width: 2560, height: 1440 };

describe('restoring the saved window bounds', () => {
  it('keeps bounds that lie on a connected display', () => {
    const saved = { x: 100, y: 80, width: 1200, height: 760 };
    expect(visibleBounds(saved, [laptop])).toEqual(saved);
    expect(visibleBounds({ x: 1600, y: 100, width: 1800, height: 1200 }, [laptop, monitorOnTheRight])).toEqual({ x: 1600, y: 100, width: 1800, height: 1200 });
  });

  it('drops bounds on a display that is no longer connected', () => {
    expect(visibleBounds({ x: 1600, y: 100, width: 1800, height: 1200 }, [laptop])).toBeUndefined();
  });

  it('drops bounds whose title bar is above, below or beside every display, where no one could grab it', () => {
    expect(visibleBounds({ x: 100, y: -300, width: 1200, height: 760 }, [laptop])).toBeUndefined();
    expect(visibleBounds({ x: 100, y: 880, width: 1200, height: 760 }, [laptop])).toBeUndefined();
    expect(visibleBounds({ x: -1150, y: 100, width: 1200, height: 760 }, [laptop])).toBeUndefined();
  });

  it('keeps a window partly off screen while enough of its title bar shows', () => {
    expect(visibleBounds({ x: -600, y: 100, width: 1200, height: 760 }, [laptop])).toEqual({ x: -600, y: 100, width: 1200, height: 760 });
  });

  it('shrinks a window larger than its display, but never below the minimum size', () => {
    expect(visibleBounds({ x: 0, y: 0, width: 2400, height: 1400 }, [laptop])).toEqual({ x: 0, y: 0, width: 1440, height: 900 });
    expect(visibleBounds({ x: 0, y: 0, width: 2400, height: 1400 }, [{ x: 0, y: 0, width: 800, height: 500 }])).toEqual({ x: 0, y: 0, width: 960, height: 600 });
  });
});
