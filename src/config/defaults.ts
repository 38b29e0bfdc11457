import type { Config, County } from '../model/config.js';

/** Yongzhou's counties and districts (FORMAT.md), in the department's usual order. */
export const DEFAULT_COUNTIES: readonly County[] = [
  { name: '零陵区', aliases: [], slug: 'lingling' },
  { name: '冷水滩区', aliases: [], slug: 'lengshuitan' },
  { name: '祁阳县', aliases: ['祁阳市'], slug: 'qiyang' },
  { name: '东安县', aliases: [], slug: 'dongan' },
  { name: '双牌县', aliases: [], slug: 'shuangpai' },
  { name: '道县', aliases: [], slug: 'daoxian' },
  { name: '江永县', aliases: [], slug: 'jiangyong' },
  { name: '宁远县', aliases: [], slug: 'ningyuan' },
  { name: '蓝山县', aliases: [], slug: 'lanshan' },
  { name: '新田县', aliases: [], slug: 'xintian' },
  { name: '江华县', aliases: ['江华瑶族自治县'], slug: 'jianghua' },
  { name: '回龙圩管理区', aliases: ['回龙圩'], slug: 'huilongxu' },
  { name: '金洞管理区', aliases: ['金洞'], slug: 'jindong' },
  { name: '永州经济技术开发区', aliases: ['永州经开区', '经开区'], slug: 'jingkaiqu' },
  { name: '市直', aliases: ['市直单位', '市直机关'], slug: 'shizhi' },
];

export const DEFAULT_CONFIG: Config = {
  bulletin: '永组信息',
  publisher: '中共永州市委组织部',
  counties: DEFAULT_COUNTIES,
  pageBudget: 4,
  site: { title: '永组信息 电子档案', baseUrl: '' },
  distribution: [],
  copies: undefined,
  print: { red: [0, 100, 100, 0], issuer: undefined, fonts: 'fonts' },
};
