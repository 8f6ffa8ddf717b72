/* Itinerary map (Leaflet + world-atlas outlines, no tile server): places in time order,
   numbered legs, dashed where a date is inferred. */
(function () {
  'use strict';
  var C = window.Chronica;

  function basemap(map) {
    var world = window.CHRONICA_WORLD;
    if (!world || !window.topojson) return;
    var land = topojson.feature(world, world.objects.countries);
    L.geoJSON(land, {
      interactive: false,
      style: { color: '#b8ad9b', weight: 0.7, fillColor: '#f4f0e7', fillOpacity: 1 }
    }).addTo(map);
  }

  function popup(title, url, events) {
    var box = C.el('div', 'popup');
    var head = C.el('strong');
    head.appendChild(url ? C.link(url, title) : document.createTextNode(title));
    box.appendChild(head);
    if (events && events.length) {
      var list = C.el('ul', 'popup-events');
      events.forEach(function (ev) {
        var li = C.el('li');
        if (ev.date) li.appendChild(C.el('span', 'count', ev.date + ' '));
        li.appendChild(C.link(ev.url, ev.summary));
        list.appendChild(li);
      });
      box.appendChild(list);
    }
    return box;
  }

  function marker(lat, lon, label, size, colour, className) {
    var html = C.el('div', 'map-marker ' + className, label);
    html.setAttribute('data-testid', 'map-marker');
    html.style.width = size + 'px';
    html.style.height = size + 'px';
    if (colour) html.style.background = colour;
    return L.marker([lat, lon], {
      icon: L.divIcon({ html: html, className: 'map-marker-wrap', iconSize: [size, size], iconAnchor: [size / 2, size / 2] }),
      keyboard: true, riseOnHover: true
    });
  }

  function drawTrip(map, trip, bounds, legLabels) {
    var byPlace = {};
    trip.stops.forEach(function (stop, i) {
      bounds.push([stop.lat, stop.lon]);
      (byPlace[stop.place] = byPlace[stop.place] || []).push(i);
    });
    trip.legs.forEach(function (leg) {
      var a = trip.stops[leg.from], b = trip.stops[leg.to];
      L.polyline([[a.lat, a.lon], [b.lat, b.lon]], {
        color: trip.colour, weight: 3, opacity: 0.85, dashArray: leg.guessed ? '7 7' : null
      }).bindTooltip(trip.name + ', leg ' + leg.n + ': ' + a.name + ' → ' + b.name + (leg.guessed ? ' (date inferred)' : ''), { sticky: true })
        .addTo(map);
      var label = C.el('span', 'leg-label', String(leg.n));
      label.style.borderColor = trip.colour;
      var mid = L.marker([(a.lat + b.lat) / 2, (a.lon + b.lon) / 2], {
        icon: L.divIcon({ html: label, className: 'leg-label-wrap', iconSize: null }), interactive: false, keyboard: false
      });
      legLabels.push({ marker: mid, a: [a.lat, a.lon], b: [b.lat, b.lon] });
    });
    Object.keys(byPlace).forEach(function (place) {
      var visits = byPlace[place];
      var first = trip.stops[visits[0]];
      var events = [];
      visits.forEach(function (i) { events = events.concat(trip.stops[i].events); });
      var label = visits.map(function (i) { return i + 1; }).join(',');
      var size = label.length > 3 ? 34 : 26;
      marker(first.lat, first.lon, label, size, trip.colour, 'stop')
        .bindTooltip(first.name + (first.label ? ' · ' + first.label : ''))
        .bindPopup(popup(first.name + ' — ' + trip.name, null, events))
        .addTo(map);
    });
  }

  /* Leg numbers only where the leg is long enough on screen not to sit on a marker. */
  function updateLegLabels(map, legLabels) {
    legLabels.forEach(function (leg) {
      var pa = map.latLngToLayerPoint(leg.a), pb = map.latLngToLayerPoint(leg.b);
      var long = pa.distanceTo(pb) > 56;
      if (long && !map.hasLayer(leg.marker)) leg.marker.addTo(map);
      if (!long && map.hasLayer(leg.marker)) map.removeLayer(leg.marker);
    });
  }

  function renderTripList(trips) {
    var box = document.querySelector('[data-trip-list]');
    if (!box || !C.isReport || !trips.length) return;
    document.querySelectorAll('[data-map-hint]').forEach(function (n) { n.hidden = true; });
    trips.forEach(function (trip) {
      var section = C.el('section', 'trip');
      var h = C.el('h2');
      var dot = C.el('span', 'dot'); dot.style.background = trip.colour;
      h.appendChild(dot); h.appendChild(document.createTextNode(trip.name));
      section.appendChild(h);
      var list = C.el('ol', 'stops');
      trip.stops.forEach(function (stop, i) {
        var li = C.el('li');
        li.appendChild(C.el('span', 'stop-no', String(i + 1)));
        li.appendChild(document.createTextNode(' ' + stop.name + ' '));
        li.appendChild(C.el('span', 'count', stop.label));
        var evs = C.el('ul', 'stop-events');
        stop.events.forEach(function (ev) { var e = C.el('li'); e.appendChild(C.link(ev.url, ev.summary)); evs.appendChild(e); });
        li.appendChild(evs);
        list.appendChild(li);
      });
      section.appendChild(list);
      box.appendChild(section);
    });
  }

  function draw(container) {
    if (!window.L) return;
    var data = C.readJSON(container.getAttribute('data-map')) || { places: [], itineraries: [], selected: [] };
    var sel = C.selection();
    var people = sel.people.length ? sel.people : (data.selected || []);
    var map = L.map(container, { zoomSnap: 0.5, minZoom: 1, maxZoom: 12, worldCopyJump: true, scrollWheelZoom: false });
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution('Outlines: Natural Earth');
    map.setView([30, 10], 1.5);  /* layers need a view before they are added */
    basemap(map);
    var bounds = [];
    var legLabels = [];
    var trips = (data.itineraries || []).filter(function (t) { return people.indexOf(t.person) >= 0 && t.stops.length; });
    if (trips.length) {
      trips.forEach(function (trip) { drawTrip(map, trip, bounds, legLabels); });
    } else {
      var places = (data.places || []).filter(function (p) { return !sel.place || p.id === sel.place || (p.places || []).indexOf(sel.place) >= 0; });
      var maxCount = Math.max.apply(null, places.map(function (p) { return p.count; }).concat([1]));
      places.forEach(function (p) {
        var size = Math.round(14 + 18 * Math.sqrt(p.count / maxCount));
        bounds.push([p.lat, p.lon]);
        marker(p.lat, p.lon, p.count > 1 ? String(p.count) : '', size, null, 'place')
          .bindTooltip(p.name + ' · ' + p.count + (p.count === 1 ? ' event' : ' events'))
          .bindPopup(popup(p.name, p.url, p.events))
          .addTo(map);
      });
    }
    if (bounds.length > 1) {
      map.fitBounds(bounds, { padding: [36, 36], maxZoom: 7 });
    } else if (bounds.length === 1) {
      map.setView(bounds[0], 5);
    }
    updateLegLabels(map, legLabels);
    map.on('zoomend', function () { updateLegLabels(map, legLabels); });
    renderTripList(trips);
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-map]').forEach(draw);
  });
})();
