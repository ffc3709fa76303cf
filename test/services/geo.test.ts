import { expect } from '@open-wc/testing';
import { bbox, convert, distanceMeters, formatDistance, navigationLinks, toCrs, type Crs, type GeoPoint } from '../../src/services/geo.js';

// 天安门 in WGS-84 and its published GCJ-02 / BD-09 equivalents (≈ within a metre).
const WGS = { lng: 116.397428, lat: 39.90923 };
const GCJ = { lng: 116.403672, lat: 39.910634 };
const BD = { lng: 116.410044, lat: 39.916973 };

const close = (a: { lng: number; lat: number }, b: { lng: number; lat: number }, eps = 2e-5) =>
  Math.abs(a.lng - b.lng) < eps && Math.abs(a.lat - b.lat) < eps;

describe('geo: conversion', () => {
  const table: [Crs, Crs, { lng: number; lat: number }, { lng: number; lat: number }][] = [
    ['wgs84', 'gcj02', WGS, GCJ],
    ['wgs84', 'bd09', WGS, BD],
    ['gcj02', 'bd09', GCJ, BD],
    ['gcj02', 'wgs84', GCJ, WGS],
    ['bd09', 'wgs84', BD, WGS],
    ['bd09', 'gcj02', BD, GCJ],
    ['gcj02', 'gcj02', GCJ, GCJ],
  ];
  for (const [from, to, input, want] of table) {
    it(`${from} → ${to}`, () => {
      const got = convert(input, from, to);
      expect(close(got, want), JSON.stringify(got)).to.equal(true);
    });
  }

  it('leaves points outside China unchanged between WGS-84 and GCJ-02', () => {
    const madrid = { lng: -3.7038, lat: 40.4168 };
    expect(convert(madrid, 'wgs84', 'gcj02')).to.deep.equal(madrid);
  });

  it('the GCJ-02 offset in Beijing is several hundred metres', () => {
    const d = distanceMeters({ ...WGS, crs: 'wgs84' }, { ...WGS, crs: 'gcj02' });
    expect(d).to.be.within(400, 700);
  });
});

describe('geo: distance', () => {
  const table: [GeoPoint, GeoPoint, number, number][] = [
    [{ ...WGS, crs: 'wgs84' }, { ...GCJ, crs: 'gcj02' }, 0, 3], // same place in two systems
    [{ ...WGS, crs: 'wgs84' }, { ...BD, crs: 'bd09' }, 0, 3],
    [{ lng: 116.397428, lat: 39.90923, crs: 'wgs84' }, { lng: 121.473701, lat: 31.230416, crs: 'wgs84' }, 1_060_000, 1_075_000], // Beijing–Shanghai
    [{ lng: 0, lat: 0, crs: 'wgs84' }, { lng: 0, lat: 1, crs: 'wgs84' }, 111_100, 111_300],
  ];
  for (const [a, b, min, max] of table) {
    it(`${a.lng},${a.lat} (${a.crs}) → ${b.lng},${b.lat} (${b.crs}) in [${min}, ${max}] m`, () => {
      expect(distanceMeters(a, b)).to.be.within(min, max);
    });
  }

  const fmt: [number, string, string][] = [
    [0, '0 米', '0 m'],
    [847, '850 米', '850 m'],
    [1234, '1.2 公里', '1.2 km'],
    [15_600, '16 公里', '16 km'],
  ];
  for (const [m, zh, en] of fmt) {
    it(`formats ${m} m`, () => {
      expect(formatDistance(m, 'zh-CN')).to.equal(zh);
      expect(formatDistance(m, 'en')).to.equal(en);
    });
  }
});

describe('geo: navigation links', () => {
  const target = { name: '城关街道人大代表联络站', address: '桐岚县城关街道人民路8号', location: { ...GCJ, crs: 'gcj02' as const } };

  it('Amap: position=lng,lat in GCJ-02', () => {
    const u = new URL(navigationLinks(target, 'demo').amap);
    expect(u.origin + u.pathname).to.equal('https://uri.amap.com/marker');
    expect(u.searchParams.get('position')).to.equal('116.403672,39.910634');
    expect(u.searchParams.get('name')).to.equal(target.name);
    expect(u.searchParams.get('coordinate')).to.equal('gaode');
    expect(u.searchParams.get('src')).to.equal('demo');
  });

  it('Baidu: location=lat,lng in BD-09 with coord_type=bd09ll', () => {
    const u = new URL(navigationLinks(target).baidu);
    expect(u.origin + u.pathname).to.equal('https://api.map.baidu.com/marker');
    const [lat, lng] = u.searchParams.get('location')!.split(',').map(Number);
    expect(close({ lng, lat }, BD)).to.equal(true);
    expect(u.searchParams.get('coord_type')).to.equal('bd09ll');
    expect(u.searchParams.get('output')).to.equal('html');
    expect(u.searchParams.get('title')).to.equal(target.name);
    expect(u.searchParams.get('content')).to.equal(target.address);
  });

  it('Tencent: marker=coord:lat,lng in GCJ-02 with title, addr and referer', () => {
    const u = new URL(navigationLinks(target, 'demo').tencent);
    expect(u.origin + u.pathname).to.equal('https://apis.map.qq.com/uri/v1/marker');
    expect(u.searchParams.get('marker')).to.equal(`coord:39.910634,116.403672;title:${target.name};addr:${target.address}`);
    expect(u.searchParams.get('referer')).to.equal('demo');
  });

  it('converts a WGS-84 station for every app', () => {
    const links = navigationLinks({ name: 'x', location: { ...WGS, crs: 'wgs84' } });
    const amap = new URL(links.amap).searchParams.get('position')!.split(',').map(Number);
    expect(close({ lng: amap[0], lat: amap[1] }, GCJ)).to.equal(true);
    const tq = new URL(links.tencent).searchParams.get('marker')!.match(/coord:([\d.]+),([\d.]+)/)!;
    expect(close({ lng: Number(tq[2]), lat: Number(tq[1]) }, GCJ)).to.equal(true);
  });

  it('converts a BD-09 station for Amap and keeps it for Baidu', () => {
    const links = navigationLinks({ name: 'x', location: { ...BD, crs: 'bd09' } });
    expect(new URL(links.baidu).searchParams.get('location')).to.equal(`${BD.lat},${BD.lng}`);
    const amap = new URL(links.amap).searchParams.get('position')!.split(',').map(Number);
    expect(close({ lng: amap[0], lat: amap[1] }, GCJ)).to.equal(true);
  });

  it('strips Tencent separators from names', () => {
    const u = new URL(navigationLinks({ name: 'A;B:C', location: { ...GCJ, crs: 'gcj02' } }).tencent);
    expect(u.searchParams.get('marker')).to.match(/title:A B C;addr:A B C$/);
  });
});

describe('geo: helpers', () => {
  it('bbox', () => {
    expect(bbox([])).to.equal(null);
    expect(bbox([{ lng: 1, lat: 2 }, { lng: -1, lat: 5 }])).to.deep.equal([-1, 2, 1, 5]);
  });
  it('toCrs is identity for the same system', () => {
    expect(toCrs({ lng: 1, lat: 2, crs: 'bd09' }, 'bd09')).to.deep.equal({ lng: 1, lat: 2 });
  });
});
