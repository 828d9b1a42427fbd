// The shift timeline's hover text, told from the bar or call mark under the pointer (ShiftTimelineChart
// says what a mark carries): the agent from its row, the status from its class, the local times from its
// x and width in seconds from the period's start, unless the mark carries its own. Text is set as text only.
'use strict';
(function () {
  const tip = document.getElementById('timeline-tip');
  const two = number => String(number).padStart(2, '0');

  /** The local time a second of the period shows: the period's local start plus the second and the clock's jumps before it. */
  function local(timeline, second) {
    let wall = second;
    for (const change of timeline.dataset.shifts.split(' ').filter(Boolean)) {
      const [at, by] = change.split(':').map(Number);
      if (second >= at) {
        wall += by;
      }
    }
    const time = new Date(Date.parse(timeline.dataset.start + 'Z') + wall * 1000);
    return time.getUTCFullYear() + '-' + two(time.getUTCMonth() + 1) + '-' + two(time.getUTCDate()) + ' '
        + two(time.getUTCHours()) + ':' + two(time.getUTCMinutes()) + ':' + two(time.getUTCSeconds());
  }

  function duration(seconds) {
    const total = Math.round(Number(seconds));
    const minutesAndSeconds = two(Math.floor(total % 3600 / 60)) + 'm ' + two(total % 60) + 's';
    return total >= 3600 ? Math.floor(total / 3600) + 'h ' + minutesAndSeconds : Math.floor(total / 60) + 'm ' + two(total % 60) + 's';
  }

  function describe(mark, row) {
    const timeline = row.closest('div.timeline');
    const x = Number(mark.getAttribute('x'));
    const width = Number(mark.getAttribute('width'));
    const start = mark.dataset.s || local(timeline, x);
    const end = mark.dataset.e || local(timeline, x + width);
    const agent = row.firstElementChild.textContent;
    const kind = mark.getAttribute('class');
    if (kind.startsWith('s')) {
      const status = timeline.querySelector('ol.statuses').children[Number(kind.slice(1))].textContent;
      return agent + ' · ' + status + ' · ' + start + ' – ' + end + ' · ' + duration(mark.dataset.d || width);
    }
    const call = { ci: 'inbound call', co: 'outbound call', c: 'call' }[kind];
    if (mark.dataset.r) {
      return agent + ' · ' + call + ' · ' + start + ' – end not seen (' + mark.dataset.r + ')';
    }
    return agent + ' · ' + call + ' · ' + start + ' – ' + end + (mark.dataset.t ? ' · talk ' + duration(mark.dataset.t) : '');
  }

  document.addEventListener('mouseover', event => {
    const row = event.target instanceof SVGRectElement ? event.target.closest('div.agent-row') : null;
    if (row) {
      tip.textContent = describe(event.target, row);
      tip.style.display = 'block';
    } else {
      tip.style.display = 'none';
    }
  });
  document.addEventListener('mousemove', event => {
    tip.style.left = Math.min(event.clientX + 12, window.innerWidth - tip.offsetWidth - 4) + 'px';
    tip.style.top = event.clientY + 16 + 'px';
  });
})();
