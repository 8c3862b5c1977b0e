/** Primary sources and library documentation cited by the families. */
import type { Reference } from "./types.ts";

export const REF = {
  robbinsMonro: {
    author: "Robbins, H. and Monro, S.",
    title: "A Stochastic Approximation Method",
    venue: "The Annals of Mathematical Statistics 22(3)",
    year: 1951,
    url: "https://doi.org/10.1214/aoms/1177729586",
  },
  sgdr: {
    author: "Loshchilov, I. and Hutter, F.",
    title: "SGDR: Stochastic Gradient Descent with Warm Restarts",
    venue: "ICLR 2017",
    year: 2017,
    url: "https://arxiv.org/abs/1608.03983",
  },
  clr: {
    author: "Smith, L. N.",
    title: "Cyclical Learning Rates for Training Neural Networks",
    venue: "IEEE WACV 2017",
    year: 2017,
    url: "https://arxiv.org/abs/1506.01186",
  },
  superConvergence: {
    author: "Smith, L. N. and Topin, N.",
    title: "Super-Convergence: Very Fast Training of Neural Networks Using Large Learning Rates",
    venue: "Artificial Intelligence and Machine Learning for Multi-Domain Operations Applications (SPIE)",
    year: 2019,
    url: "https://arxiv.org/abs/1708.07120",
  },
  goyal: {
    author: "Goyal, P. et al.",
    title: "Accurate, Large Minibatch SGD: Training ImageNet in 1 Hour",
    venue: "arXiv:1706.02677",
    year: 2017,
    url: "https://arxiv.org/abs/1706.02677",
  },
  transformer: {
    author: "Vaswani, A. et al.",
    title: "Attention Is All You Need",
    venue: "Advances in Neural Information Processing Systems 30",
    year: 2017,
    url: "https://arxiv.org/abs/1706.03762",
  },
  resnet: {
    author: "He, K., Zhang, X., Ren, S. and Sun, J.",
    title: "Deep Residual Learning for Image Recognition",
    venue: "CVPR 2016",
    year: 2016,
    url: "https://arxiv.org/abs/1512.03385",
  },
  deeplab: {
    author: "Chen, L.-C., Papandreou, G., Kokkinos, I., Murphy, K. and Yuille, A. L.",
    title: "DeepLab: Semantic Image Segmentation with Deep Convolutional Nets, Atrous Convolution, and Fully Connected CRFs",
    venue: "IEEE TPAMI 40(4)",
    year: 2018,
    url: "https://arxiv.org/abs/1606.00915",
  },
  minicpm: {
    author: "Hu, S. et al.",
    title: "MiniCPM: Unveiling the Potential of Small Language Models with Scalable Training Strategies",
    venue: "arXiv:2404.06395",
    year: 2024,
    url: "https://arxiv.org/abs/2404.06395",
  },
  pytorchSchedulers: {
    author: "PyTorch contributors",
    title: "torch.optim: How to adjust learning rate",
    venue: "PyTorch documentation",
    year: 2024,
    url: "https://pytorch.org/docs/stable/optim.html#how-to-adjust-learning-rate",
  },
  kerasSchedules: {
    author: "Keras team",
    title: "Learning rate schedules API",
    venue: "Keras documentation",
    year: 2024,
    url: "https://keras.io/api/optimizers/learning_rate_schedules/",
  },
  optaxSchedules: {
    author: "DeepMind",
    title: "Optimizer schedules",
    venue: "Optax documentation",
    year: 2024,
    url: "https://optax.readthedocs.io/en/latest/api/optimizer_schedules.html",
  },
} satisfies Record<string, Reference>;
